package et.coffeeexport.chaincode.participant;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.chaincode.testing.TestIdentity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exporters' licence applications on the in-memory ledger: an exporter applies for itself, anchors
 * its licence and certificate, and an active ECTA officer registers, renews or refuses, signed; the
 * licence's expiry then decides, against the transaction's time, whether the exporter may act.
 */
class LicenceApplicationContractTest {
  static final String NEWCOMER_PROFILE =
      "{\"name\":\"Yirgacheffe Highland plc\",\"licenceNumber\":\"ECTA-LIC-90\","
          + "\"licenceExpiry\":\"2027-11-30\",\"competenceCertificateNumber\":\"CC-2026-9\","
          + "\"competenceCertificateExpiry\":\"2027-12-31\",\"tin\":\"0098765432\",\"capitalEtb\":20000000}";
  static final String REGISTRATION =
      "{\"kind\":\"REGISTRATION\",\"profile\":" + NEWCOMER_PROFILE + "}";
  private static final String CID = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
  private static final String SHA = "a".repeat(64);

  private final RegistryWorld w = new RegistryWorld();
  private final LicenceApplicationContract applications = new LicenceApplicationContract();
  private final TestIdentity newcomer = exporter("EXPORTER-NEW", "exp-new");

  private static TestIdentity exporter(String exporterId, String enrollmentId) {
    return TestIdentity.person(
        "CommercialBankMSP", "exporter", enrollmentId, Map.of("exporterId", exporterId));
  }

  private String apply(TestIdentity who, String applicationId, String json) {
    return w.ledger.submit(who, ctx -> applications.applyForLicence(ctx, applicationId, json));
  }

  private String anchor(TestIdentity who, String applicationId, String type) {
    String json =
        "{\"type\":\""
            + type
            + "\",\"cid\":\""
            + CID
            + "\",\"sha256\":\""
            + SHA
            + "\",\"sizeBytes\":42}";
    return w.ledger.submit(
        who, ctx -> applications.anchorApplicationDocument(ctx, applicationId, json));
  }

  private void anchorBoth(TestIdentity who, String applicationId) {
    anchor(who, applicationId, "EXPORT_LICENCE");
    anchor(who, applicationId, "COMPETENCE_CERTIFICATE");
  }

  private String register(TestIdentity officer, String exporterId, String applicationId) {
    return w.ledger.submit(
        officer, ctx -> applications.grantRegistration(ctx, exporterId, applicationId));
  }

  private String refuse(String applicationId, String reasonsJson) {
    return w.ledger.submit(
        w.ectaOfficer,
        ctx -> applications.refuseApplication(ctx, "EXPORTER-NEW", applicationId, reasonsJson));
  }

  private String status(String exporterId) {
    return w.ledger.evaluate(w.nbeOfficer, ctx -> w.registry.exporterStatus(ctx, exporterId));
  }

  @Test
  void anApplicantRegisteredByEctaIsActiveWithTheProfileItAppliedWith() {
    String applied = apply(newcomer, "APP-1", REGISTRATION);
    assertThat(applied)
        .contains("\"status\":\"SUBMITTED\"", "\"kind\":\"REGISTRATION\"")
        .contains("\"exporterId\":\"EXPORTER-NEW\"", "\"enrollmentId\":\"exp-new\"");
    assertThat(w.ledger.lastEventName()).isEqualTo("LicenceApplied");
    assertThat(w.ledger.policyOf(RegistryWorld.key("application", "EXPORTER-NEW", "APP-1")))
        .as("the exporter's side and ECTA, each with a witness")
        .isEqualTo(EndorsementPolicies.entitledWithWitness(EnumSet.of(COMMERCIAL_BANK, ECTA)));
    anchorBoth(newcomer, "APP-1");
    assertThat(w.ledger.lastEventName()).isEqualTo("ApplicationDocumentAnchored");

    String registered = register(w.ectaOfficer, "EXPORTER-NEW", "APP-1");
    assertThat(w.ledger.lastEventName()).isEqualTo("ExporterRegistered");
    assertThat(registered)
        .isEqualTo(w.stored("exporter", "EXPORTER-NEW"))
        .contains("\"standing\":\"ACTIVE\"", "\"licenceNumber\":\"ECTA-LIC-90\"")
        .contains("\"licenceExpiry\":\"2027-11-30\"")
        .doesNotContain("validThrough");
    assertThat(status("EXPORTER-NEW")).isEqualTo("ACTIVE");
    assertThat(w.ledger.policyOf(RegistryWorld.key("exporter", "EXPORTER-NEW")))
        .isEqualTo(EndorsementPolicies.entitledWithWitness(EnumSet.of(ECTA, NATIONAL_BANK)));
    String application =
        w.ledger.evaluate(
            newcomer, ctx -> applications.readApplication(ctx, "EXPORTER-NEW", "APP-1"));
    assertThat(application)
        .contains("\"status\":\"REGISTERED\"", "\"enrollmentId\":\"ecta-1\"", "\"userId\":");
    assertThat(w.ledger.policyOf(RegistryWorld.key("application", "EXPORTER-NEW", "APP-1")))
        .as("once decided, only ECTA's side with a witness")
        .isEqualTo(EndorsementPolicies.entitledWithWitness(EnumSet.of(ECTA)));
  }

  @Test
  void theLicenceLapsesOnTheDayAfterItsEarlierExpiryWithoutAnyoneWritingAndARenewalLiftsIt() {
    apply(newcomer, "APP-1", REGISTRATION);
    anchorBoth(newcomer, "APP-1");
    register(w.ectaOfficer, "EXPORTER-NEW", "APP-1");
    w.ledger.setTime(Instant.parse("2027-11-30T23:59:59Z"));
    assertThat(status("EXPORTER-NEW")).as("the last day of the licence").isEqualTo("ACTIVE");
    w.ledger.setTime(Instant.parse("2027-12-01T00:00:00Z"));
    assertThat(status("EXPORTER-NEW"))
        .as("the licence (not the later certificate) decides")
        .isEqualTo("LICENCE_EXPIRED");

    w.ledger.setTime(Instant.parse("2027-11-10T08:00:00Z"));
    String renewal =
        "{\"kind\":\"RENEWAL\",\"licenceExpiry\":\"2028-11-30\",\"competenceCertificateExpiry\":\"2028-12-31\"}";
    apply(newcomer, "APP-2", renewal);
    anchorBoth(newcomer, "APP-2");
    String renewed =
        w.ledger.submit(
            w.ectaOfficer, ctx -> applications.renewLicence(ctx, "EXPORTER-NEW", "APP-2"));
    assertThat(w.ledger.lastEventName()).isEqualTo("ExporterLicenceRenewed");
    assertThat(renewed)
        .contains(
            "\"licenceExpiry\":\"2028-11-30\"", "\"competenceCertificateExpiry\":\"2028-12-31\"")
        .contains("\"licenceNumber\":\"ECTA-LIC-90\"", "licence renewed by application APP-2");
    w.ledger.setTime(Instant.parse("2027-12-01T00:00:00Z"));
    assertThat(status("EXPORTER-NEW")).isEqualTo("ACTIVE");
  }

  @Test
  void aRenewalKeepsASuspensionAndIsRefusedToABannedExporter() {
    w.ledger.submit(
        w.ectaOfficer,
        ctx ->
            w.registry.changeExporterStanding(
                ctx, "EXPORTER-1", "SUSPENDED", "{\"reasons\":[\"audit\"]}"));
    TestIdentity one = exporter("EXPORTER-1", "exp-1");
    apply(
        one,
        "APP-R",
        "{\"kind\":\"RENEWAL\",\"licenceExpiry\":\"2028-06-30\",\"competenceCertificateExpiry\":\"2028-06-30\"}");
    anchorBoth(one, "APP-R");
    String renewed =
        w.ledger.submit(
            w.ectaOfficer, ctx -> applications.renewLicence(ctx, "EXPORTER-1", "APP-R"));
    assertThat(renewed).contains("\"standing\":\"SUSPENDED\"");
    // A ban is final: an officer proposes it, an ECTA supervisor co-signs it.
    TestIdentity supervisor = TestIdentity.person("EctaMSP", "supervisor", "ecta-sup-9");
    w.ledger.submit(
        w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-sup-9", "supervisor", "kc-9"));
    w.ledger.submit(
        w.ectaOfficer,
        ctx ->
            w.registry.proposeStandingChange(
                ctx, "EXPORTER-1", "BANNED", "{\"reasons\":[\"fraud\"]}"));
    w.ledger.submit(
        supervisor,
        ctx ->
            w.registry.changeExporterStanding(
                ctx, "EXPORTER-1", "BANNED", "{\"reasons\":[\"fraud\"]}"));
    w.refused(
        "EXPORTER_NOT_ACTIVE",
        () ->
            apply(
                one,
                "APP-S",
                "{\"kind\":\"RENEWAL\",\"licenceExpiry\":\"2029-06-30\",\"competenceCertificateExpiry\":\"2029-06-30\"}"));
  }

  @Test
  void aRefusalRecordsTheReasonsAndTheOfficerAndEndsTheApplication() {
    apply(newcomer, "APP-1", REGISTRATION);
    String refused = refuse("APP-1", "{\"reasons\":[\"capital not evidenced\"]}");
    assertThat(w.ledger.lastEventName()).isEqualTo("LicenceApplicationRefused");
    assertThat(refused)
        .isEqualTo(w.stored("application", "EXPORTER-NEW", "APP-1"))
        .contains("\"status\":\"REFUSED\"", "\"reasons\":[\"capital not evidenced\"]")
        .contains("\"enrollmentId\":\"ecta-1\"");
    assertThat(
            w.ledger.<String>evaluate(
                newcomer, ctx -> applications.listApplications(ctx, "EXPORTER-NEW")))
        .startsWith("[")
        .contains("capital not evidenced");
    w.refused("NOT_FOUND", () -> status("EXPORTER-NEW"));
    w.refused("ILLEGAL_TRANSITION", () -> anchor(newcomer, "APP-1", "EXPORT_LICENCE"));
    w.refused("ILLEGAL_TRANSITION", () -> register(w.ectaOfficer, "EXPORTER-NEW", "APP-1"));
    // A refused applicant may apply again.
    apply(newcomer, "APP-2", REGISTRATION);
  }

  @Test
  void theSameDecisionTakenAgainByItsOfficerIsAnsweredAndWritesNothing() {
    apply(newcomer, "APP-1", REGISTRATION);
    anchorBoth(newcomer, "APP-1");
    String first = register(w.ectaOfficer, "EXPORTER-NEW", "APP-1");
    var once = w.ledger.snapshot();
    assertThat(register(w.ectaOfficer, "EXPORTER-NEW", "APP-1")).isEqualTo(first);
    assertThat(w.ledger.snapshot()).isEqualTo(once);
    w.ledger.submit(
        w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-2", "officer", "kc-9"));
    TestIdentity another = TestIdentity.person("EctaMSP", "officer", "ecta-2");
    w.refused("ILLEGAL_TRANSITION", () -> register(another, "EXPORTER-NEW", "APP-1"));
    w.refused("ILLEGAL_TRANSITION", () -> refuse("APP-1", "{\"reasons\":[\"changed my mind\"]}"));
    // The exporter sending its application again is answered too.
    var before = w.ledger.snapshot();
    assertThat(apply(newcomer, "APP-1", REGISTRATION)).contains("\"status\":\"REGISTERED\"");
    assertThat(w.ledger.snapshot()).isEqualTo(before);
  }

  @Test
  void onlyAnActiveEctaOfficerDecidesAndOnlyWhatTheApplicationAsksFor() {
    apply(newcomer, "APP-1", REGISTRATION);
    anchorBoth(newcomer, "APP-1");
    w.refused("FORBIDDEN", () -> register(w.nbeOfficer, "EXPORTER-NEW", "APP-1"));
    w.refused("FORBIDDEN", () -> register(newcomer, "EXPORTER-NEW", "APP-1"));
    w.refused(
        "OFFICER_NOT_ACTIVE",
        () ->
            register(TestIdentity.person("EctaMSP", "officer", "ghost"), "EXPORTER-NEW", "APP-1"));
    w.refused(
        "ILLEGAL_TRANSITION",
        () ->
            w.ledger.submit(
                w.ectaOfficer, ctx -> applications.renewLicence(ctx, "EXPORTER-NEW", "APP-1")));
    w.refused("INVALID_ARGUMENT", () -> refuse("APP-1", "{\"reasons\":[]}"));
    w.refused("NOT_FOUND", () -> register(w.ectaOfficer, "EXPORTER-NEW", "APP-9"));
  }

  @Test
  void ectaDecidesOnlyOnACompleteApplicationWhoseLicenceHasNotLapsed() {
    apply(newcomer, "APP-1", REGISTRATION);
    anchor(newcomer, "APP-1", "EXPORT_LICENCE");
    w.refused("PRECONDITION_FAILED", () -> register(w.ectaOfficer, "EXPORTER-NEW", "APP-1"));
    anchor(newcomer, "APP-1", "COMPETENCE_CERTIFICATE");
    w.ledger.setTime(Instant.parse("2027-12-01T00:00:00Z"));
    w.refused("PRECONDITION_FAILED", () -> register(w.ectaOfficer, "EXPORTER-NEW", "APP-1"));
  }

  @Test
  void anExporterAppliesOnlyForItselfOnceAtATimeWithAValidRequest() {
    w.refused("FORBIDDEN", () -> apply(w.ectaOfficer, "APP-1", REGISTRATION));
    w.refused(
        "FORBIDDEN",
        () ->
            apply(
                TestIdentity.person("CommercialBankMSP", "exporter", "no-id"),
                "APP-1",
                REGISTRATION));
    w.refused(
        "ALREADY_EXISTS", () -> apply(exporter("EXPORTER-1", "exp-1"), "APP-1", REGISTRATION));
    w.refused(
        "NOT_FOUND",
        () ->
            apply(
                newcomer,
                "APP-1",
                "{\"kind\":\"RENEWAL\",\"licenceExpiry\":\"2028-06-30\",\"competenceCertificateExpiry\":\"2028-06-30\"}"));
    w.refused(
        "INVALID_ARGUMENT",
        () -> apply(newcomer, "APP-1", REGISTRATION.replace("0098765432", "98")));
    w.refused(
        "INVALID_ARGUMENT",
        () -> apply(newcomer, "APP-1", REGISTRATION.replace("2027-11-30", "2026-11-19")));
    w.refused("INVALID_ARGUMENT", () -> apply(newcomer, "bad id!", REGISTRATION));
    w.refused("INVALID_ARGUMENT", () -> apply(newcomer, "APP-1", "{\"kind\":\"PROMOTION\"}"));
    w.refused(
        "INVALID_ARGUMENT",
        () ->
            apply(
                exporter("EXPORTER-1", "exp-1"),
                "APP-1",
                "{\"kind\":\"RENEWAL\",\"licenceExpiry\":\"2027-01-31\",\"competenceCertificateExpiry\":\"2027-01-31\"}"));
    apply(newcomer, "APP-1", REGISTRATION);
    w.refused("PRECONDITION_FAILED", () -> apply(newcomer, "APP-2", REGISTRATION));
    w.refused(
        "ALREADY_EXISTS",
        () -> apply(newcomer, "APP-1", REGISTRATION.replace("Highland", "Lowland")));
  }

  @Test
  void documentsAreTheApplicantsOwnAndOfTheApplicationsKindsVersionedNeverReplaced() {
    apply(newcomer, "APP-1", REGISTRATION);
    anchor(newcomer, "APP-1", "EXPORT_LICENCE");
    String second = anchor(newcomer, "APP-1", "EXPORT_LICENCE");
    assertThat(second).contains("\"version\":2", "\"type\":\"EXPORT_LICENCE\"");
    assertThat(w.stored("application", "EXPORTER-NEW", "APP-1")).contains("\"version\":1");
    w.refused("INVALID_ARGUMENT", () -> anchor(newcomer, "APP-1", "SALES_CONTRACT"));
    w.refused("INVALID_ARGUMENT", () -> anchor(newcomer, "APP-1", "NO_SUCH_TYPE"));
    w.refused(
        "NOT_FOUND", () -> anchor(exporter("EXPORTER-1", "exp-1"), "APP-1", "EXPORT_LICENCE"));
    w.refused("FORBIDDEN", () -> anchor(w.ectaOfficer, "APP-1", "EXPORT_LICENCE"));
    w.refused(
        "FORBIDDEN",
        () ->
            w.ledger.evaluate(
                exporter("EXPORTER-1", "exp-1"),
                ctx -> applications.listApplications(ctx, "EXPORTER-NEW")));
  }
}
