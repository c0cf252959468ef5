package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The export lifecycle on the real network: people enrolled from each organisation's Fabric CA with their role as a
 * certificate attribute, each acting through their own organisation's peer.
 */
class ExportLedgerIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String EXPORTER_ID = "EXPORTER-" + RUN;
  private static final List<String> ORGS = List.of("commercialbank", "nationalbank", "ecta", "ecx", "shippingline", "customs");
  private static final Map<String, Person> OFFICERS = new HashMap<>();
  private static Person exporter;
  private static Person nbeSupervisor;

  @BeforeAll
  static void enrolPeopleAndRegisterThem() throws Exception {
    for (String org : ORGS) {
      OFFICERS.put(org, officer(org, "officer"));
    }
    nbeSupervisor = officer("nationalbank", "supervisor");
    String id = "exporter-" + RUN;
    exporter = new Person(NETWORK.profile("commercialbank"),
        NETWORK.enroll("commercialbank", id, "role=exporter:ecert,uid=kc-" + id + ":ecert,exporterId=" + EXPORTER_ID + ":ecert"));
    OFFICERS.get("ecta").submit("user-management", "ParticipantContract", "registerExporter", EXPORTER_ID,
        "{\"name\":\"Sidama Union\",\"licenceNumber\":\"LIC-" + RUN + "\",\"competenceCertificateNumber\":\"CC-" + RUN
            + "\",\"competenceCertificateExpiry\":\"2099-12-31\",\"tin\":\"0012345678\",\"capitalEtb\":15000000}");
    floorOnce();
  }

  private static Person officer(String org, String role) throws Exception {
    String id = org + "-" + role + "-" + RUN;
    Credentials credentials = NETWORK.enroll(org, id, "role=" + role + ":ecert,uid=kc-" + id + ":ecert");
    try (Member admin = new Member(NETWORK.profile(org))) {
      admin.registry().submitTransaction("registerOfficer", id, role, "kc-" + id);
    }
    return new Person(NETWORK.profile(org), credentials);
  }

  /** The minimum price the tests trade under; proposed and co-signed once per ledger. */
  private static void floorOnce() throws Exception {
    String floor = "{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-01-01\",\"minPricePerLbUsd\":3.00,\"cosigned\":false}";
    ignoreAlreadyExists(() -> OFFICERS.get("ecta").submit("coffee-export", "RuleContract", "proposePriceFloor", floor));
    settle();
    ignoreAlreadyExists(() -> OFFICERS.get("nationalbank").submit("coffee-export", "RuleContract", "cosignPriceFloor", "G2", "SIDAMA", "WASHED", "2026-01-01"));
    settle();
  }

  interface Call {
    void run() throws Exception;
  }

  private static void ignoreAlreadyExists(Call call) throws Exception {
    try {
      call.run();
    } catch (GatewayException e) {
      if (!String.valueOf(details(e)).contains("ALREADY_EXISTS")) {
        throw e;
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    for (Person p : OFFICERS.values()) {
      p.close();
    }
    if (exporter != null) {
      exporter.close();
      nbeSupervisor.close();
    }
  }

  /** Waits until every peer has every block: the next organisation endorses on its own peer. */
  private static void settle() throws InterruptedException {
    assertThat(FabricNetworkIT.awaitEqualHeights(Duration.ofSeconds(30))).hasSize(1);
  }

  private static String details(GatewayException e) {
    return e.getMessage() + " " + e.getDetails().stream().map(d -> d.getMspId() + ": " + d.getMessage()).toList();
  }

  private static Map<String, byte[]> terms(String price) {
    String json = "{\"pricePerLbUsd\":" + price + ",\"buyerName\":\"Hamburg Roasters GmbH\",\"buyerCountry\":\"DE\","
        + "\"paymentMode\":\"LETTER_OF_CREDIT\",\"paymentReference\":\"LC-" + RUN + "\",\"salt\":\"" + UUID.randomUUID() + "\"}";
    return Map.of("terms", json.getBytes(StandardCharsets.UTF_8));
  }

  private static String request() {
    return "{\"exporterId\":\"" + EXPORTER_ID + "\",\"contractNumber\":\"SC-" + RUN + "\",\"contractSignedAt\":\""
        + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\",\"contractDate\":\"2026-11-20\","
        + "\"destinationCountry\":\"DE\",\"quantityKg\":19200,\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"incoterm\":\"FOB\"}";
  }

  private static String createExport(String exportId) throws Exception {
    String created = exporter.submitPrivately("createExport", terms("3.45"), new String[] {"CommercialBankMSP"}, exportId, request());
    settle();
    anchor(exporter, exportId, "SALES_CONTRACT");
    anchor(OFFICERS.get("ecx"), exportId, "QUALITY_CERTIFICATE");
    anchor(OFFICERS.get("shippingline"), exportId, "BILL_OF_LADING");
    settle();
    return created;
  }

  private static void anchor(Person by, String exportId, String type) throws Exception {
    String sha = String.format("%064x", Math.abs((long) (exportId + type).hashCode()));
    by.submit("coffee-export", "DocumentContract", "anchorDocument", exportId,
        "{\"type\":\"" + type + "\",\"cid\":\"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\",\"sha256\":\"" + sha + "\",\"sizeBytes\":1024}");
  }

  private static String step(String org, String transaction, String... args) throws Exception {
    String result = OFFICERS.get(org).submit("coffee-export", "ExportContract", transaction, args);
    settle();
    return result;
  }

  private static String status(String exportId) throws Exception {
    String export = OFFICERS.get("customs").evaluate("coffee-export", "ExportQueryContract", "readExport", exportId);
    return export.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1");
  }

  private static String walkToEctaApproved(String exportId) throws Exception {
    createExport(exportId);
    step("commercialbank", "verifyAtBank", exportId, "{}");
    return step("ecta", "approveCompliance", exportId, "{\"reasons\":[\"licence valid\",\"price above minimum\"]}");
  }

  private static final String QUALITY = "{\"lotReference\":\"LOT-77\",\"physicalScore\":35,\"cupScore\":52,\"moisturePercent\":10.5,\"defectsPer300g\":4,\"screenSize\":15}";

  @Test
  void anExportGoesThroughAllSixOrganisationsAndEachStageIsSignedByItsOwnPeople() throws Exception {
    String exportId = "EXP-" + RUN + "-happy";
    walkToEctaApproved(exportId);
    step("ecx", "certifyQuality", exportId, QUALITY);
    String fx = step("nationalbank", "approveForeignExchange", exportId, "{}");
    String permit = fx.replaceAll(".*\"exportPermitNumber\":\"([^\"]+)\".*", "$1");
    step("customs", "clearCustoms", exportId, "{\"permitNumber\":\"" + permit + "\",\"declarationNumber\":\"DEC-" + RUN + "\"}");
    step("shippingline", "bookShipment", exportId, "{\"bookingNumber\":\"BK-" + RUN + "\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU1234567\"]}");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    step("shippingline", "ship", exportId, "{\"billOfLadingNumber\":\"BL-" + RUN + "\",\"billOfLadingDate\":\"" + today + "\"}");
    step("shippingline", "recordTrackingMilestone", exportId, "{\"event\":\"TRANSHIPPED\",\"location\":\"Djibouti\",\"at\":\"" + Instant.now() + "\"}");
    step("shippingline", "confirmArrival", exportId, "{\"port\":\"Hamburg\",\"arrivedOn\":\"" + today + "\"}");
    step("commercialbank", "recordRepatriation", exportId, "{\"amountUsd\":146034.20,\"reference\":\"SWIFT-" + RUN + "\",\"receivedOn\":\"" + today + "\"}");
    assertThat(status(exportId)).isEqualTo("COMPLETED");

    String history = OFFICERS.get("shippingline").evaluate("coffee-export", "ExportQueryContract", "readHistory", exportId);
    Map<String, String> signedBy = Map.of(
        "SUBMIT", "CommercialBankMSP", "VERIFY_AT_BANK", "CommercialBankMSP", "APPROVE_COMPLIANCE", "EctaMSP",
        "CERTIFY_QUALITY", "EcxMSP", "APPROVE_FOREIGN_EXCHANGE", "NationalBankMSP", "CLEAR_CUSTOMS", "CustomAuthoritiesMSP",
        "BOOK_SHIPMENT", "ShippingLineMSP", "SHIP", "ShippingLineMSP", "CONFIRM_ARRIVAL", "ShippingLineMSP",
        "RECORD_REPATRIATION", "CommercialBankMSP");
    Map<String, String> recorded = new HashMap<>();
    var decisions = com.google.gson.JsonParser.parseString(history).getAsJsonObject().getAsJsonArray("decisions");
    decisions.forEach(d -> recorded.put(
        d.getAsJsonObject().get("action").getAsString(), d.getAsJsonObject().get("organisation").getAsString()));
    assertThat(recorded).containsAllEntriesOf(signedBy);
    assertThat(history).contains("\"enrollmentId\":\"ecx-officer-" + RUN + "\"").contains("\"userId\":\"kc-ecx-officer-" + RUN + "\"");
  }

  @Test
  void aReturnedExportIsAmendedAndReEntersTheStageThatReturnedIt() throws Exception {
    String exportId = "EXP-" + RUN + "-rework";
    createExport(exportId);
    step("commercialbank", "verifyAtBank", exportId, "{}");
    step("ecta", "returnForAmendment", exportId, "{\"reasons\":[\"contract date missing on page 2\"]}");
    assertThat(status(exportId)).isEqualTo("RETURNED_FOR_AMENDMENT");
    exporter.submitPrivately("amendExport", terms("3.50"), new String[] {"CommercialBankMSP"}, exportId, request());
    settle();
    assertThat(status(exportId)).isEqualTo("BANK_VERIFIED");
    step("ecta", "approveCompliance", exportId, "{}");
    assertThat(status(exportId)).isEqualTo("ECTA_APPROVED");
  }

  @Test
  void aCustomsOfficerTakingEcxsStepIsRefusedByTheChaincode() throws Exception {
    String exportId = "EXP-" + RUN + "-wrongorg";
    walkToEctaApproved(exportId);
    assertThatThrownBy(() -> step("customs", "certifyQuality", exportId, QUALITY))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(details(e)).contains("NOT_AUTHORISED"));
    assertThat(status(exportId)).isEqualTo("ECTA_APPROVED");
  }

  @Test
  void aStageEndorsedOnlyByAnotherOrganisationsPeerFailsValidation() throws Exception {
    String exportId = "EXP-" + RUN + "-sbe";
    walkToEctaApproved(exportId);
    var ecx = OFFICERS.get("ecx");
    var proposal = ecx.contract("coffee-export", "ExportContract").newProposal("certifyQuality")
        .addArguments(exportId, QUALITY)
        .setEndorsingOrganizations("CustomAuthoritiesMSP")
        .build();
    assertThatThrownBy(() -> proposal.endorse().submit())
        .isInstanceOfSatisfying(CommitException.class, e -> assertThat(e.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE));
    settle();
    assertThat(status(exportId)).isEqualTo("ECTA_APPROVED");
  }

  @Test
  void privateTermsAreOnTheThreeMembersPeersOnly() throws Exception {
    String exportId = "EXP-" + RUN + "-private";
    createExport(exportId);
    for (String org : List.of("commercialbank", "nationalbank", "ecta")) {
      assertThat(OFFICERS.get(org).evaluate("coffee-export", "ExportQueryContract", "readTerms", exportId))
          .as(org).contains("\"pricePerLbUsd\":3.45");
    }
    for (String org : List.of("ecx", "shippingline", "customs")) {
      assertThatThrownBy(() -> OFFICERS.get(org).evaluate("coffee-export", "ExportQueryContract", "readTerms", exportId))
          .as(org).isInstanceOf(GatewayException.class);
    }
    String export = OFFICERS.get("customs").evaluate("coffee-export", "ExportQueryContract", "readExport", exportId);
    assertThat(export).contains("\"termsHash\":\"").doesNotContain("3.45").doesNotContain("Hamburg");
  }
}
