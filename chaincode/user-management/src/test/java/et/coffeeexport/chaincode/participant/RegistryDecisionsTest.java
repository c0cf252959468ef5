package et.coffeeexport.chaincode.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.chaincode.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Standing changes that take two people, the repatriation evidence a clearance records, and the
 * decision trail that names who decided every registry change.
 */
class RegistryDecisionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BAN =
      "{\"reasons\":[\"forged certificate\"],\"documents\":[\"ECTA/INSP/77\"]}";

  private final RegistryWorld w = new RegistryWorld();
  private final TestIdentity ectaSupervisor =
      TestIdentity.person("EctaMSP", "supervisor", "ecta-sup-1");
  private final TestIdentity otherEctaOfficer = TestIdentity.person("EctaMSP", "officer", "ecta-2");

  RegistryDecisionsTest() {
    w.ledger.submit(
        w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-sup-1", "supervisor", "kc-5"));
    w.ledger.submit(
        w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-2", "officer", "kc-6"));
  }

  private String change(TestIdentity who, String standing, String reasons) {
    return w.ledger.submit(
        who, ctx -> w.registry.changeExporterStanding(ctx, "EXPORTER-1", standing, reasons));
  }

  private void propose(TestIdentity who, String standing, String reasons) {
    w.ledger.submit(
        who, ctx -> w.registry.proposeStandingChange(ctx, "EXPORTER-1", standing, reasons));
  }

  private JsonNode trail(String subject, String id) throws Exception {
    return JSON.readTree(
        w.ledger.<String>evaluate(
            w.nbeOfficer, ctx -> w.registry.registryDecisions(ctx, subject, id)));
  }

  @Test
  void aBanIsProposedByAnOfficerAndCoSignedByAnotherPersonASupervisor() throws Exception {
    w.refused("FOUR_EYES_REQUIRED", () -> change(w.ectaOfficer, "BANNED", BAN));
    w.refused("FOUR_EYES_REQUIRED", () -> change(ectaSupervisor, "BANNED", BAN));
    propose(w.ectaOfficer, "BANNED", BAN);
    assertThat(w.lastEvent()).contains("\"proposedBy\"", "\"to\":\"BANNED\"");
    w.refused(
        "FOUR_EYES_REQUIRED",
        () -> change(otherEctaOfficer, "BANNED", BAN)); // an officer, not a supervisor

    String banned = change(ectaSupervisor, "BANNED", BAN);
    assertThat(banned).contains("\"standing\":\"BANNED\"");
    assertThat(w.stored(RegistryDecisions.PROPOSAL, "EXPORTER-1"))
        .as("the proposal is taken")
        .isNull();
    JsonNode decision = trail("exporter", "EXPORTER-1").get(0);
    assertThat(decision.path("from").asText()).isEqualTo("ACTIVE");
    assertThat(decision.path("to").asText()).isEqualTo("BANNED");
    assertThat(decision.path("organisation").asText()).isEqualTo("EctaMSP");
    assertThat(decision.path("role").asText()).isEqualTo("SUPERVISOR");
    assertThat(decision.path("userId").asText()).isEqualTo("kc-ecta-sup-1");
    assertThat(decision.path("proposal").path("userId").asText()).isEqualTo("kc-ecta-1");
    assertThat(decision.path("documents").get(0).asText()).isEqualTo("ECTA/INSP/77");
  }

  private String withdraw(TestIdentity who, String standing) {
    return w.ledger.submit(
        who, ctx -> w.registry.withdrawStandingProposal(ctx, "EXPORTER-1", standing));
  }

  @Test
  void aWithdrawnBanCanNoLongerBeTakenByASupervisorAlone() {
    propose(w.ectaOfficer, "BANNED", BAN);
    w.refused("FORBIDDEN", () -> withdraw(w.nbeOfficer, "BANNED"));
    w.refused("PROPOSAL_CHANGED", () -> withdraw(otherEctaOfficer, "ACTIVE"));
    w.refused("INVALID_ARGUMENT", () -> withdraw(otherEctaOfficer, "GONE"));
    String withdrawn = withdraw(otherEctaOfficer, "BANNED");
    assertThat(withdrawn).contains("\"to\":\"BANNED\"", "\"userId\":\"kc-ecta-1\"");
    assertThat(w.lastEvent()).isEqualTo(withdrawn);
    assertThat(w.stored(RegistryDecisions.PROPOSAL, "EXPORTER-1")).isNull();
    w.refused("FOUR_EYES_REQUIRED", () -> change(ectaSupervisor, "BANNED", BAN));
    w.refused("NOT_FOUND", () -> withdraw(w.ectaOfficer, "BANNED"));
    assertThat(w.stored("exporter", "EXPORTER-1")).contains("\"standing\":\"ACTIVE\"");
  }

  @Test
  void theProposerMayNotCoSignTheirOwnProposalEvenAsSupervisor() {
    propose(ectaSupervisor, "BANNED", BAN);
    w.refused("FOUR_EYES_REQUIRED", () -> change(ectaSupervisor, "BANNED", BAN));
  }

  @Test
  void aProposalForAStandingTheExporterNoLongerHasIsNotCoSigned() {
    change(w.ectaOfficer, "SUSPENDED", BAN);
    propose(w.ectaOfficer, "ACTIVE", "{\"reasons\":[\"audit passed\"]}");
    w.ledger.submit(
        w.nbeOfficer, ctx -> w.registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-1"));
    // Still SUSPENDED (an overdue export does not change a suspension): the reinstatement stands.
    change(ectaSupervisor, "ACTIVE", "{\"reasons\":[\"audit passed\"]}");
    assertThat(w.stored("exporter", "EXPORTER-1")).contains("\"standing\":\"ACTIVE\"");
    // Reinstated with proceeds overdue: delinquent. A ban is proposed from DELINQUENT; National
    // Bank clears the delinquency before the supervisor sees it: the proposal is stale.
    propose(w.ectaOfficer, "BANNED", BAN);
    w.ledger.submit(
        w.nbeOfficer,
        ctx ->
            w.registry.changeExporterStanding(
                ctx,
                "EXPORTER-1",
                "ACTIVE",
                "{\"reasons\":[\"repatriated\"],\"documents\":[\"EXP-1/REPATRIATION_ADVICE\"]}"));
    w.refused("FOUR_EYES_REQUIRED", () -> change(ectaSupervisor, "BANNED", BAN));
  }

  @Test
  void aSuspensionNeedsNoCoSignatureAndCannotBeProposed() {
    w.refused(
        "INVALID_ARGUMENT", () -> propose(w.ectaOfficer, "SUSPENDED", "{\"reasons\":[\"audit\"]}"));
    change(w.ectaOfficer, "SUSPENDED", "{\"reasons\":[\"audit\"]}");
    w.refused("FOUR_EYES_REQUIRED", () -> change(w.ectaOfficer, "ACTIVE", BAN));
    w.refused("FORBIDDEN", () -> propose(w.nbeOfficer, "ACTIVE", "{\"reasons\":[\"not theirs\"]}"));
  }

  @Test
  void clearingADelinquencyRecordsTheRepatriationEvidence() throws Exception {
    change(w.nbeOfficer, "DELINQUENT", RegistryWorld.REASONS);
    w.refused(
        "PRECONDITION_FAILED",
        () -> change(w.nbeOfficer, "ACTIVE", "{\"reasons\":[\"repatriated\"]}"));
    change(
        w.nbeOfficer,
        "ACTIVE",
        "{\"reasons\":[\"repatriated\"],\"documents\":[\"EXP-9: proceeds recorded\"]}");
    JsonNode cleared = trail("exporter", "EXPORTER-1").get(1);
    assertThat(cleared.path("to").asText()).isEqualTo("ACTIVE");
    assertThat(cleared.path("organisation").asText()).isEqualTo("NationalBankMSP");
    assertThat(cleared.path("documents").get(0).asText()).isEqualTo("EXP-9: proceeds recorded");
    assertThat(cleared.path("proposal").isNull()).isTrue();
  }

  @Test
  void theBlacklistsDecisionsNameWhoDecidedAndARemovalNeedsAnEntry() throws Exception {
    w.refused(
        "NOT_FOUND",
        () ->
            w.ledger.submit(
                w.ectaOfficer, ctx -> w.registry.removeBuyerFromBlacklist(ctx, "BUYER-9", "x")));
    w.ledger.submit(
        w.ectaOfficer,
        ctx -> w.registry.blacklistBuyer(ctx, "BUYER-9", "Bad Payer Ltd", "GB", "non-payment"));
    w.ledger.submit(
        w.ectaOfficer, ctx -> w.registry.removeBuyerFromBlacklist(ctx, "BUYER-9", "settled"));
    w.refused(
        "PRECONDITION_FAILED",
        () ->
            w.ledger.submit(
                w.ectaOfficer,
                ctx -> w.registry.removeBuyerFromBlacklist(ctx, "BUYER-9", "again")));
    JsonNode trail = trail("buyer", "BUYER-9");
    assertThat(trail).hasSize(2);
    assertThat(trail.get(0).path("action").asText()).isEqualTo("blacklistBuyer");
    assertThat(trail.get(0).path("to").asText()).isEqualTo("BLACKLISTED");
    assertThat(trail.get(1).path("action").asText()).isEqualTo("removeBuyerFromBlacklist");
    assertThat(trail.get(1).path("reasons").get(0).asText()).isEqualTo("settled");
    assertThat(trail.get(1).path("userId").asText()).isEqualTo("kc-ecta-1");
  }

  @Test
  void trailEntriesAreChangedByNobody() {
    change(w.ectaOfficer, "SUSPENDED", "{\"reasons\":[\"audit\"]}");
    String entry =
        w.ledger.keys().stream()
            .filter(k -> k.startsWith("\u0000" + RegistryDecisions.DECISION + "\u0000"))
            .findFirst()
            .orElseThrow();
    assertThat(w.ledger.policyOf(entry)).isEqualTo(EndorsementPolicies.everyMember());
  }
}
