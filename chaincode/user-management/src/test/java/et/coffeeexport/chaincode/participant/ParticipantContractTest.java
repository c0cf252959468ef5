package et.coffeeexport.chaincode.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.chaincode.testing.InMemoryLedger;
import et.coffeeexport.chaincode.testing.TestIdentity;
import java.time.Instant;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantContractTest {
  private static final String PROFILE =
      "{\"name\":\"Sidama Union Coffee Export\",\"licenceNumber\":\"ECTA-LIC-77\","
          + "\"licenceExpiry\":\"2027-06-30\",\"competenceCertificateNumber\":\"CC-2026-1\",\"competenceCertificateExpiry\":\"2027-06-30\",\"tin\":\"0012345678\",\"capitalEtb\":15000000}";
  private final InMemoryLedger ledger = new InMemoryLedger();
  private final ParticipantContract registry = new ParticipantContract();
  private final TestIdentity ectaOfficer = TestIdentity.person("EctaMSP", "officer", "ecta-1");
  private final TestIdentity nbeOfficer =
      TestIdentity.person("NationalBankMSP", "officer", "nbe-1");
  private final TestIdentity ectaSupervisor =
      TestIdentity.person("EctaMSP", "supervisor", "ecta-sup-1");
  private static final String EVIDENCE =
      "{\"reasons\":[\"repatriated\"],\"documents\":[\"EXP-1/REPATRIATION_ADVICE\"]}";

  @BeforeEach
  void officersRegisteredByTheirAdministrators() {
    ledger.submit(
        TestIdentity.admin("EctaMSP"),
        ctx -> registry.registerOfficer(ctx, "ecta-1", "officer", "kc-1"));
    ledger.submit(
        TestIdentity.admin("NationalBankMSP"),
        ctx -> registry.registerOfficer(ctx, "nbe-1", "officer", "kc-2"));
    ledger.submit(
        TestIdentity.admin("EctaMSP"),
        ctx -> registry.registerOfficer(ctx, "ecta-sup-1", "supervisor", "kc-5"));
    ledger.submit(ectaOfficer, ctx -> registry.registerExporter(ctx, "EXPORTER-1", PROFILE));
  }

  /** A ban or reinstatement: an ECTA officer proposes it, an ECTA supervisor co-signs it. */
  private void cosigned(String standing, String reasons) {
    ledger.submit(
        ectaOfficer, ctx -> registry.proposeStandingChange(ctx, "EXPORTER-1", standing, reasons));
    ledger.submit(
        ectaSupervisor,
        ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", standing, reasons));
  }

  private void refused(Runnable transaction, String code) {
    InMemoryLedger.Snapshot before = ledger.snapshot();
    assertThatThrownBy(transaction::run)
        .isInstanceOf(ChaincodeException.class)
        .hasMessageStartingWith(code + ": ");
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  private String status(String exporterId) {
    return ledger.evaluate(nbeOfficer, ctx -> registry.exporterStatus(ctx, exporterId));
  }

  @Test
  void onlyActiveEctaOfficersLicenseExporters() {
    assertThat(status("EXPORTER-1")).isEqualTo("ACTIVE");
    refused(
        () ->
            ledger.submit(nbeOfficer, ctx -> registry.registerExporter(ctx, "EXPORTER-2", PROFILE)),
        "FORBIDDEN");
    var unregistered = TestIdentity.person("EctaMSP", "officer", "ecta-ghost");
    refused(
        () ->
            ledger.submit(
                unregistered, ctx -> registry.registerExporter(ctx, "EXPORTER-2", PROFILE)),
        "OFFICER_NOT_ACTIVE");
    refused(
        () ->
            ledger.submit(
                ectaOfficer, ctx -> registry.registerExporter(ctx, "EXPORTER-1", PROFILE)),
        "ALREADY_EXISTS");
    refused(
        () ->
            ledger.submit(
                ectaOfficer,
                ctx ->
                    registry.registerExporter(
                        ctx, "EXPORTER-3", PROFILE.replace("0012345678", "12"))),
        "INVALID_ARGUMENT");
  }

  @Test
  void ectaSuspendsAndBansWhileNationalBankSetsAndClearsDelinquency() {
    String reasons = "{\"reasons\":[\"proceeds not repatriated\"]}";
    ledger.submit(
        nbeOfficer,
        ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "DELINQUENT", reasons));
    assertThat(status("EXPORTER-1")).isEqualTo("DELINQUENT");
    refused(
        () ->
            ledger.submit(
                ectaOfficer,
                ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "ACTIVE", reasons)),
        "FORBIDDEN");
    ledger.submit(
        nbeOfficer, ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "ACTIVE", EVIDENCE));
    ledger.submit(
        ectaOfficer,
        ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "SUSPENDED", reasons));
    refused(
        () ->
            ledger.submit(
                nbeOfficer,
                ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "DELINQUENT", reasons)),
        "FORBIDDEN");
    cosigned("BANNED", reasons);
    refused(
        () ->
            ledger.submit(
                ectaOfficer,
                ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "ACTIVE", reasons)),
        "FORBIDDEN");
    refused(
        () ->
            ledger.submit(
                ectaOfficer,
                ctx ->
                    registry.changeExporterStanding(
                        ctx, "EXPORTER-1", "SUSPENDED", "{\"reasons\":[]}")),
        "INVALID_ARGUMENT");
  }

  @Test
  void anExpiredCompetenceCertificateShowsAsLicenceExpired() {
    ledger.setTime(Instant.parse("2027-07-01T00:00:00Z"));
    assertThat(status("EXPORTER-1")).isEqualTo("LICENCE_EXPIRED");
  }

  @Test
  void administratorsManageOnlyTheirOwnOrganisationsOfficers() {
    refused(
        () ->
            ledger.submit(
                ectaOfficer, ctx -> registry.registerOfficer(ctx, "ecta-2", "officer", "kc-3")),
        "FORBIDDEN");
    ledger.submit(
        TestIdentity.admin("EcxMSP"),
        ctx -> registry.registerOfficer(ctx, "ecta-1", "supervisor", "kc-9"));
    assertThat(
            ledger.<String>evaluate(
                ectaOfficer, ctx -> registry.officerStatus(ctx, "EctaMSP", "ecta-1")))
        .isEqualTo("ACTIVE");
    assertThat(
            ledger.<String>evaluate(ectaOfficer, ctx -> registry.readExporter(ctx, "EXPORTER-1")))
        .doesNotContain("password");
    ledger.submit(TestIdentity.admin("EctaMSP"), ctx -> registry.deactivateOfficer(ctx, "ecta-1"));
    assertThat(
            ledger.<String>evaluate(
                ectaOfficer, ctx -> registry.officerStatus(ctx, "EctaMSP", "ecta-1")))
        .isEqualTo("INACTIVE");
    refused(
        () ->
            ledger.submit(
                ectaOfficer, ctx -> registry.registerExporter(ctx, "EXPORTER-2", PROFILE)),
        "OFFICER_NOT_ACTIVE");
    refused(
        () ->
            ledger.submit(
                TestIdentity.admin("EctaMSP"),
                ctx -> registry.registerOfficer(ctx, "ecta-3", "exporter", "kc-4")),
        "INVALID_ARGUMENT");
  }

  @Test
  void ectaKeepsTheBuyerBlacklist() {
    ledger.submit(
        ectaOfficer,
        ctx ->
            registry.blacklistBuyer(
                ctx, "BUYER-9", "Defaulting Trading Ltd", "GB", "non-payment 2025"));
    assertThat(ledger.<String>evaluate(nbeOfficer, ctx -> registry.readBuyer(ctx, "BUYER-9")))
        .contains("\"blacklisted\":true");
    refused(
        () ->
            ledger.submit(
                nbeOfficer, ctx -> registry.blacklistBuyer(ctx, "BUYER-8", "X", "GB", "r")),
        "FORBIDDEN");
    ledger.submit(ectaOfficer, ctx -> registry.removeBuyerFromBlacklist(ctx, "BUYER-9", "settled"));
    assertThat(ledger.<String>evaluate(nbeOfficer, ctx -> registry.readBuyer(ctx, "BUYER-9")))
        .contains("\"blacklisted\":false");
    assertThatThrownBy(() -> ledger.evaluate(nbeOfficer, ctx -> registry.readBuyer(ctx, "BUYER-0")))
        .hasMessageStartingWith("NOT_FOUND");
  }

  @Test
  void answersEveryStandingInOneCall() {
    ledger.submit(
        ectaOfficer,
        ctx -> registry.blacklistBuyer(ctx, "BUYER-9", "Bad Payer Ltd", "GB", "non-payment"));
    assertThat(
            ledger.<String>evaluate(
                nbeOfficer,
                ctx -> registry.standings(ctx, "EctaMSP", "ecta-1", "EXPORTER-1", "BUYER-9")))
        .isEqualTo("{\"buyer\":\"BLACKLISTED\",\"exporter\":\"ACTIVE\",\"officer\":\"ACTIVE\"}");
    assertThat(
            ledger.<String>evaluate(
                nbeOfficer,
                ctx -> registry.standings(ctx, "EctaMSP", "ghost", "NOBODY", "BUYER-NEW")))
        .isEqualTo(
            "{\"buyer\":\"CLEAR\",\"exporter\":\"NOT_REGISTERED\",\"officer\":\"NOT_REGISTERED\"}");
    assertThat(
            ledger.<String>evaluate(
                nbeOfficer, ctx -> registry.standings(ctx, "EctaMSP", "-", "-", "-")))
        .isEqualTo("{\"buyer\":\"NONE\",\"exporter\":\"NONE\",\"officer\":\"NONE\"}");
    ledger.submit(ectaOfficer, ctx -> registry.removeBuyerFromBlacklist(ctx, "BUYER-9", "paid"));
    assertThat(
            ledger.<String>evaluate(
                nbeOfficer, ctx -> registry.standings(ctx, "EctaMSP", "-", "-", "BUYER-9")))
        .contains("\"buyer\":\"CLEAR\"");
  }

  @Test
  void overdueProceedsMakeTheExporterDelinquentFromAnyStandingOnceAndUntilCleared() {
    ledger.submit(nbeOfficer, ctx -> registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-1"));
    assertThat(status("EXPORTER-1")).isEqualTo("DELINQUENT");
    InMemoryLedger.Snapshot once = ledger.snapshot();
    ledger.submit(nbeOfficer, ctx -> registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-1"));
    assertThat(ledger.snapshot()).as("recording the same export again").isEqualTo(once);
    refused(
        () ->
            ledger.submit(
                ectaOfficer, ctx -> registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-2")),
        "FORBIDDEN");
    // A suspended exporter whose second export goes overdue: marked, and still delinquent when
    // ECTA reinstates it.
    cosigned("BANNED", "{\"reasons\":[\"check\"]}");
    ledger.restore(once);
    ledger.submit(
        nbeOfficer, ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "ACTIVE", EVIDENCE));
    assertThat(status("EXPORTER-1")).as("cleared by National Bank").isEqualTo("ACTIVE");
    ledger.submit(
        ectaOfficer,
        ctx ->
            registry.changeExporterStanding(
                ctx, "EXPORTER-1", "SUSPENDED", "{\"reasons\":[\"licence audit\"]}"));
    ledger.submit(nbeOfficer, ctx -> registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-2"));
    assertThat(status("EXPORTER-1")).isEqualTo("SUSPENDED");
    cosigned("ACTIVE", "{\"reasons\":[\"audit passed\"]}");
    assertThat(status("EXPORTER-1"))
        .as("reinstated, proceeds still overdue")
        .isEqualTo("DELINQUENT");
    ledger.submit(
        nbeOfficer, ctx -> registry.changeExporterStanding(ctx, "EXPORTER-1", "ACTIVE", EVIDENCE));
    assertThat(status("EXPORTER-1")).isEqualTo("ACTIVE");
  }
}
