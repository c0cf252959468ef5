package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The export lifecycle on the real network: people enrolled from each organisation's Fabric CA with
 * their role as a certificate attribute, each acting through their own organisation's peer.
 */
class ExportLedgerIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static Consortium people;
  private static String RUN;

  @BeforeAll
  static void enrolPeopleAndRegisterThem() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    people = Consortium.enrol(NETWORK);
    RUN = people.run;
  }

  @AfterAll
  static void close() throws Exception {
    if (people != null) {
      people.close();
    }
  }

  private static void settle() throws InterruptedException {
    people.settle();
  }

  private static String details(GatewayException e) {
    return Consortium.details(e);
  }

  private static String createExport(String exportId) throws Exception {
    String created = people.file(exportId);
    settle();
    people.anchor(people.exporter, exportId, "SALES_CONTRACT");
    people.anchor(people.officer("ecx"), exportId, "QUALITY_CERTIFICATE");
    people.anchor(people.officer("shippingline"), exportId, "BILL_OF_LADING");
    settle();
    return created;
  }

  private static String step(String org, String transaction, String... args) throws Exception {
    String result =
        people.officer(org).submit("coffee-export", "ExportContract", transaction, args);
    settle();
    return result;
  }

  private static String status(String exportId) throws Exception {
    String export =
        people
            .officer("customs")
            .evaluate("coffee-export", "ExportQueryContract", "readExport", exportId);
    return export.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1");
  }

  private static String walkToEctaApproved(String exportId) throws Exception {
    createExport(exportId);
    step("commercialbank", "verifyAtBank", exportId, "{}");
    return step(
        "ecta",
        "approveCompliance",
        exportId,
        "{\"reasons\":[\"licence valid\",\"price above minimum\"]}");
  }

  @Test
  void anExportGoesThroughAllSixOrganisationsAndEachStageIsSignedByItsOwnPeople() throws Exception {
    String exportId = "EXP-" + RUN + "-happy";
    walkToEctaApproved(exportId);
    step("ecx", "certifyQuality", exportId, Consortium.QUALITY);
    String fx = step("nationalbank", "approveForeignExchange", exportId, "{}");
    String permit = fx.replaceAll(".*\"exportPermitNumber\":\"([^\"]+)\".*", "$1");
    step(
        "customs",
        "clearCustoms",
        exportId,
        "{\"permitNumber\":\"" + permit + "\",\"declarationNumber\":\"DEC-" + RUN + "\"}");
    step(
        "shippingline",
        "bookShipment",
        exportId,
        "{\"bookingNumber\":\"BK-"
            + RUN
            + "\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU1234567\"]}");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    step(
        "shippingline",
        "ship",
        exportId,
        "{\"billOfLadingNumber\":\"BL-" + RUN + "\",\"billOfLadingDate\":\"" + today + "\"}");
    step(
        "shippingline",
        "recordTrackingMilestone",
        exportId,
        "{\"event\":\"TRANSHIPPED\",\"location\":\"Djibouti\",\"at\":\"" + Instant.now() + "\"}");
    step(
        "shippingline",
        "confirmArrival",
        exportId,
        "{\"port\":\"Hamburg\",\"arrivedOn\":\"" + today + "\"}");
    people.recordRepatriation(exportId, "SWIFT-" + RUN, today);
    settle();
    assertThat(status(exportId)).isEqualTo("COMPLETED");

    String history =
        people
            .officer("shippingline")
            .evaluate("coffee-export", "ExportQueryContract", "readHistory", exportId);
    Map<String, String> signedBy =
        Map.of(
            "SUBMIT",
            "CommercialBankMSP",
            "VERIFY_AT_BANK",
            "CommercialBankMSP",
            "APPROVE_COMPLIANCE",
            "EctaMSP",
            "CERTIFY_QUALITY",
            "EcxMSP",
            "APPROVE_FOREIGN_EXCHANGE",
            "NationalBankMSP",
            "CLEAR_CUSTOMS",
            "CustomAuthoritiesMSP",
            "BOOK_SHIPMENT",
            "ShippingLineMSP",
            "SHIP",
            "ShippingLineMSP",
            "CONFIRM_ARRIVAL",
            "ShippingLineMSP",
            "RECORD_REPATRIATION",
            "CommercialBankMSP");
    Map<String, String> recorded = new HashMap<>();
    var decisions =
        com.google.gson.JsonParser.parseString(history)
            .getAsJsonObject()
            .getAsJsonArray("decisions");
    decisions.forEach(
        d ->
            recorded.put(
                d.getAsJsonObject().get("action").getAsString(),
                d.getAsJsonObject().get("organisation").getAsString()));
    assertThat(recorded).containsAllEntriesOf(signedBy);
    assertThat(history)
        .contains("\"enrollmentId\":\"ecx-officer-" + RUN + "\"")
        .contains("\"userId\":\"kc-ecx-officer-" + RUN + "\"");
  }

  @Test
  void aReturnedExportIsAmendedAndReEntersTheStageThatReturnedIt() throws Exception {
    String exportId = "EXP-" + RUN + "-rework";
    createExport(exportId);
    step("commercialbank", "verifyAtBank", exportId, "{}");
    step(
        "ecta",
        "returnForAmendment",
        exportId,
        "{\"reasons\":[\"contract date missing on page 2\"]}");
    assertThat(status(exportId)).isEqualTo("RETURNED_FOR_AMENDMENT");
    // The bank approved the terms: ECTA cannot ask for a new price.
    assertThatThrownBy(
            () ->
                people.exporter.submitPrivately(
                    "amendExport",
                    people.terms("3.50"),
                    Consortium.TERMS_ENDORSERS,
                    exportId,
                    people.request()))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(details(e)).contains("AMENDMENT_NOT_ALLOWED"));
    assertThat(status(exportId)).isEqualTo("RETURNED_FOR_AMENDMENT");
    people.exporter.submitPrivately(
        "amendExport", Map.of(), Consortium.TERMS_ENDORSERS, exportId, people.request());
    settle();
    assertThat(status(exportId)).isEqualTo("BANK_VERIFIED");
    step("ecta", "approveCompliance", exportId, "{}");
    assertThat(status(exportId)).isEqualTo("ECTA_APPROVED");
  }

  @Test
  void aCustomsOfficerTakingEcxsStepIsRefusedByTheChaincode() throws Exception {
    String exportId = "EXP-" + RUN + "-wrongorg";
    walkToEctaApproved(exportId);
    assertThatThrownBy(() -> step("customs", "certifyQuality", exportId, Consortium.QUALITY))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(details(e)).contains("NOT_AUTHORISED"));
    assertThat(status(exportId)).isEqualTo("ECTA_APPROVED");
  }

  @Test
  void aStageEndorsedOnlyByAnotherOrganisationsPeerFailsValidation() throws Exception {
    String exportId = "EXP-" + RUN + "-sbe";
    walkToEctaApproved(exportId);
    var ecx = people.officer("ecx");
    // Customs may not act on this export at all; ECTA may (it can cancel), but quality is ECX's to
    // endorse.
    for (String wrongPeer : List.of("CustomAuthoritiesMSP", "EctaMSP")) {
      var proposal =
          ecx.contract("coffee-export", "ExportContract")
              .newProposal("certifyQuality")
              .addArguments(exportId, Consortium.QUALITY)
              .setEndorsingOrganizations(wrongPeer)
              .build();
      assertThatThrownBy(() -> proposal.endorse().submit())
          .as("endorsed by %s only", wrongPeer)
          .isInstanceOfSatisfying(
              CommitException.class,
              e -> assertThat(e.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE));
      settle();
    }
    assertThat(status(exportId)).isEqualTo("ECTA_APPROVED");
  }

  @Test
  void privateTermsAreOnTheThreeMembersPeersOnly() throws Exception {
    String exportId = "EXP-" + RUN + "-private";
    createExport(exportId);
    for (String org : List.of("commercialbank", "nationalbank", "ecta")) {
      assertThat(
              people
                  .officer(org)
                  .evaluate("coffee-export", "ExportQueryContract", "readTerms", exportId))
          .as(org)
          .contains("\"pricePerLbUsd\":3.45");
    }
    for (String org : List.of("ecx", "shippingline", "customs")) {
      assertThatThrownBy(
              () ->
                  people
                      .officer(org)
                      .evaluate("coffee-export", "ExportQueryContract", "readTerms", exportId))
          .as(org)
          .isInstanceOf(GatewayException.class);
    }
    String export =
        people
            .officer("customs")
            .evaluate("coffee-export", "ExportQueryContract", "readExport", exportId);
    assertThat(export)
        .contains("\"termsHash\":\"")
        .doesNotContain("3.45")
        .doesNotContain("Hamburg");
  }
}
