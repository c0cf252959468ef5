package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.chaincode.support.Msp;
import et.coffeeexport.chaincode.testing.InMemoryLedger;
import et.coffeeexport.chaincode.testing.TestIdentity;
import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A workflow job that submits a step the ledger already committed (the engine's transaction rolled
 * back after the ledger's) must find the step done, not refused: with the same step key (transient
 * {@code step}) the ledger answers the export as it stands, writes nothing and emits no event.
 */
class StepReplayTest {
  private final ExportWorld world = new ExportWorld();

  static Map<String, byte[]> step(String key) {
    return Map.of(Steps.TRANSIENT_KEY, key.getBytes(StandardCharsets.UTF_8));
  }

  private static String stepKeyOf(String exportId, String key) {
    return "\u0000" + Keys.STEP + "\u0000" + exportId + "\u0000" + key + "\u0000";
  }

  /** Submits {@code action} again with {@code key}: the answer, after checking nothing changed. */
  private String replay(String exportId, ExportAction action, TestIdentity by, String key) {
    InMemoryLedger.Snapshot before = world.ledger.snapshot();
    int decisions = world.history(exportId).decisions().size();
    String answer = world.take(exportId, action, by, step(key));
    assertThat(world.ledger.snapshot()).as("%s replayed writes nothing", action).isEqualTo(before);
    assertThat(world.ledger.lastEventName()).as("%s replayed emits no event", action).isNull();
    assertThat(world.history(exportId).decisions()).hasSize(decisions);
    assertThat(answer).as("the export as it stands").isEqualTo(world.readJson(exportId));
    return answer;
  }

  private String file(String exportId, String key) {
    Map<String, byte[]> privately = new java.util.HashMap<>(ExportWorld.terms());
    privately.putAll(step(key));
    return world.ledger.submit(
        world.exporter(),
        privately,
        ctx -> world.exports.createExport(ctx, exportId, ExportWorld.request()));
  }

  @Test
  void everyStepOfTheHappyPathSubmittedAgainWithItsKeyIsAnsweredNotRefused() {
    String filed = file("EXP-R1", "job-0");
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportSubmitted");
    world.anchor("EXP-R1", "SALES_CONTRACT", world.exporter());
    world.anchor("EXP-R1", "QUALITY_CERTIFICATE", world.officer(ECX));
    world.anchor("EXP-R1", "BILL_OF_LADING", world.officer(SHIPPING_LINE));
    InMemoryLedger.Snapshot before = world.ledger.snapshot();
    assertThat(file("EXP-R1", "job-0")).as("filed again, not ALREADY_EXISTS").isEqualTo(filed);
    assertThat(world.ledger.snapshot()).isEqualTo(before);
    assertThat(world.ledger.lastEventName()).isNull();
    int job = 1;
    for (ExportWorld.Step s : ExportWorld.HAPPY_PATH) {
      String key = "job-" + job++;
      String first = world.take("EXP-R1", s.action(), world.officer(s.by()), step(key));
      assertThat(world.ledger.lastEventName()).isNotNull();
      assertThat(replay("EXP-R1", s.action(), world.officer(s.by()), key))
          .as("%s answered as it was first", s.action())
          .isEqualTo(first);
    }
    assertThat(world.read("EXP-R1").status()).isEqualTo(ExportStatus.COMPLETED);
    // Long after, when the export has moved on: still the export as it stands, not a refusal.
    replay("EXP-R1", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK), "job-1");
    List<DecisionEntry> trail = world.history("EXP-R1").decisions();
    assertThat(trail).hasSize(10);
    for (int i = 0; i < trail.size(); i++) {
      assertThat(trail.get(i).step()).as("decision %d", i + 1).isEqualTo("job-" + i);
    }
  }

  @Test
  void returningAmendingRejectingCancellingAndMarkingOverdueAreReplayedToo() {
    world.exportAt("EXP-R2", ExportStatus.SUBMITTED);
    var bank = world.officer(COMMERCIAL_BANK);
    String returned = world.take("EXP-R2", ExportAction.RETURN_FOR_AMENDMENT, bank, step("r"));
    assertThat(replay("EXP-R2", ExportAction.RETURN_FOR_AMENDMENT, bank, "r")).isEqualTo(returned);
    String amended = world.take("EXP-R2", ExportAction.AMEND, world.exporter(), step("a"));
    assertThat(replay("EXP-R2", ExportAction.AMEND, world.exporter(), "a")).isEqualTo(amended);
    String rejected = world.take("EXP-R2", ExportAction.REJECT, bank, step("x"));
    assertThat(replay("EXP-R2", ExportAction.REJECT, bank, "x")).isEqualTo(rejected);

    world.exportAt("EXP-R3", ExportStatus.FX_APPROVED);
    var ecta = world.officer(ECTA);
    String cancelled = world.take("EXP-R3", ExportAction.CANCEL, ecta, step("c"));
    assertThat(replay("EXP-R3", ExportAction.CANCEL, ecta, "c")).isEqualTo(cancelled);

    world.exportAt("EXP-R4", ExportStatus.SHIPPED);
    var nbe = world.officer(NATIONAL_BANK);
    world.take("EXP-R4", ExportAction.MARK_REPATRIATION_OVERDUE, nbe, step("o"));
    assertThat(world.overdueRecorded).hasSize(1);
    replay("EXP-R4", ExportAction.MARK_REPATRIATION_OVERDUE, nbe, "o");
    assertThat(world.overdueRecorded).as("the registry is not called again").hasSize(1);
  }

  @Test
  void aRecommendationAboveTheFourEyesThresholdReplayedIsNotASecondApproval() {
    world.ruleSetInForce(
        ExportWorld.rules(2)
            .replace("\"fourEyesThresholdUsd\":1000000", "\"fourEyesThresholdUsd\":1000"));
    world.exportAt("EXP-R5", ExportStatus.QUALITY_CERTIFIED);
    var nbe = world.officer(NATIONAL_BANK);
    String recommended =
        world.take("EXP-R5", ExportAction.APPROVE_FOREIGN_EXCHANGE, nbe, step("fx"));
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportForeignExchangeRecommended");
    assertThat(replay("EXP-R5", ExportAction.APPROVE_FOREIGN_EXCHANGE, nbe, "fx"))
        .as("not FOUR_EYES_REQUIRED")
        .isEqualTo(recommended);
    assertThat(world.lastDecision("EXP-R5").action()).isEqualTo("RECOMMEND_FOREIGN_EXCHANGE");
    world.take(
        "EXP-R5",
        ExportAction.APPROVE_FOREIGN_EXCHANGE,
        world.supervisor(NATIONAL_BANK),
        step("s"));
    assertThat(world.read("EXP-R5").status()).isEqualTo(ExportStatus.FX_APPROVED);
  }

  @Test
  void theSameKeyForAnotherActionIsRefusedAsReused() {
    world.exportAt("EXP-R6", ExportStatus.BANK_VERIFIED);
    var ecta = world.officer(ECTA);
    world.take("EXP-R6", ExportAction.APPROVE_COMPLIANCE, ecta, step("job-7"));
    world.refused(
        "STEP_KEY_REUSED", () -> world.take("EXP-R6", ExportAction.CANCEL, ecta, step("job-7")));
    world.take("EXP-R6", ExportAction.CANCEL, ecta, step("job-8"));
    assertThat(world.read("EXP-R6").status()).isEqualTo(ExportStatus.CANCELLED);
  }

  @Test
  void theSameKeyByAnotherPersonIsRefusedAsReused() {
    world.exportAt("EXP-R7", ExportStatus.SUBMITTED);
    world.take("EXP-R7", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK), step("k"));
    world.refused(
        "STEP_KEY_REUSED",
        () ->
            world.take(
                "EXP-R7",
                ExportAction.VERIFY_AT_BANK,
                world.supervisor(COMMERCIAL_BANK),
                step("k")));
    // The same subject and issuer (so the same certificate id) from another organisation's CA.
    var stranger =
        TestIdentity.person(Msp.of(ECTA), "officer", "commercial_bank-officer", Map.of());
    world.refused(
        "STEP_KEY_REUSED",
        () -> world.take("EXP-R7", ExportAction.VERIFY_AT_BANK, stranger, step("k")));
  }

  @Test
  void withoutAStepKeyATransactionBehavesAsBefore() {
    world.exportAt("EXP-R8", ExportStatus.SUBMITTED);
    var bank = world.officer(COMMERCIAL_BANK);
    world.take("EXP-R8", ExportAction.VERIFY_AT_BANK, bank);
    assertThat(world.ledger.lastWriteSet().keySet())
        .noneMatch(k -> k.startsWith("\u0000" + Keys.STEP + "\u0000"));
    String entry =
        world.ledger.keys().stream()
            .filter(k -> k.startsWith("\u0000" + Keys.DECISION + "\u0000EXP-R8\u0000000002"))
            .findFirst()
            .orElseThrow();
    assertThat(new String(world.ledger.snapshot().state().get(entry), StandardCharsets.UTF_8))
        .as("the trail entry's bytes are what they were before step keys")
        .doesNotContain("\"step\"");
    world.refused(
        "ILLEGAL_TRANSITION", () -> world.take("EXP-R8", ExportAction.VERIFY_AT_BANK, bank));
  }

  @Test
  void aMalformedStepKeyIsAnInvalidArgumentBeforeAnythingElse() {
    world.exportAt("EXP-R9", ExportStatus.BANK_VERIFIED);
    var bank = world.officer(COMMERCIAL_BANK);
    for (String bad :
        List.of("", "a".repeat(65), "job 1", "job/1", "jöb", "a\u0000b", "a*b", "job\n")) {
      world.refused(
          "INVALID_ARGUMENT",
          () -> world.take("EXP-R9", ExportAction.VERIFY_AT_BANK, bank, step(bad)));
    }
    world.refused(
        "INVALID_ARGUMENT",
        () ->
            world.take(
                "EXP-R9",
                ExportAction.VERIFY_AT_BANK,
                bank,
                Map.of(Steps.TRANSIENT_KEY, new byte[] {(byte) 0xff, 'a'})));
    String longest = "Az09._:-".repeat(8);
    world.take("EXP-R9", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA), step(longest));
    assertThat(world.lastDecision("EXP-R9").step()).isEqualTo(longest);
  }

  @Test
  void theStepRecordNamesItsDecisionAndNeedsAllSixToChange() {
    world.exportAt("EXP-RA", ExportStatus.SUBMITTED);
    world.take(
        "EXP-RA", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK), step("job-1"));
    DecisionEntry decision = world.lastDecision("EXP-RA");
    assertThat(decision.step()).isEqualTo("job-1");
    String key = stepKeyOf("EXP-RA", "job-1");
    Steps.StepRecord recorded =
        CanonicalJson.fromBytes(world.ledger.snapshot().state().get(key), Steps.StepRecord.class);
    assertThat(recorded)
        .isEqualTo(
            new Steps.StepRecord(
                "EXP-RA",
                "job-1",
                ExportAction.VERIFY_AT_BANK,
                decision.organisation(),
                decision.decidedBy(),
                decision.txId(),
                decision.sequence()));
    assertThat(world.ledger.policyOf(key)).isEqualTo(EndorsementPolicies.everyMember());
  }

  @Test
  void aStepKeyBelongsToItsExport() {
    world.exportAt("EXP-RB", ExportStatus.SUBMITTED);
    world.exportAt("EXP-RC", ExportStatus.SUBMITTED);
    var bank = world.officer(COMMERCIAL_BANK);
    world.take("EXP-RB", ExportAction.VERIFY_AT_BANK, bank, step("same"));
    world.take("EXP-RC", ExportAction.VERIFY_AT_BANK, bank, step("same"));
    assertThat(world.read("EXP-RC").status()).isEqualTo(ExportStatus.BANK_VERIFIED);
  }

  @Test
  void twoSubmissionsOfOneStepOnTheSameStateConflictAtCommitAndTheRetryReplays() {
    world.exportAt("EXP-RD", ExportStatus.SUBMITTED);
    var bank = world.officer(COMMERCIAL_BANK);
    var verify = world.transaction("EXP-RD", ExportAction.VERIFY_AT_BANK);
    var first = world.ledger.endorse(bank, step("job-9"), verify);
    var second = world.ledger.endorse(bank, step("job-9"), verify);
    String key = stepKeyOf("EXP-RD", "job-9");
    assertThat(first.reads()).contains(key);
    assertThat(first.writes()).contains(key);
    assertThat(second.reads()).contains(key);
    assertThat(second.writes()).contains(key);
    assertThat(world.ledger.validateAndCommit(first)).isTrue();
    assertThat(world.ledger.validateAndCommit(second)).as("MVCC read conflict").isFalse();
    assertThat(replay("EXP-RD", ExportAction.VERIFY_AT_BANK, bank, "job-9"))
        .isEqualTo(first.result());
    assertThat(world.history("EXP-RD").decisions()).hasSize(2);
  }

  @Test
  void aStepWithAKeyValidatesOnlyWithItsOrganisationAndAWitness() {
    world
        .ledger
        .withChaincodePolicy(NoMemberAloneTest.CHAINCODE_POLICY)
        .withCollectionPolicy(Keys.TERMS_COLLECTION, NoMemberAloneTest.TERMS_POLICY);
    world.exportAt("EXP-RE", ExportStatus.SUBMITTED);
    world.take(
        "EXP-RE", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK), step("job-1"));
    for (String member : NoMemberAloneTest.MEMBERS) {
      assertThat(world.ledger.lastTransactionRefusedFor(Set.of(member))).isNotEmpty();
      assertThat(world.ledger.admitsChange(stepKeyOf("EXP-RE", "job-1"), Set.of(member))).isFalse();
    }
    assertThat(
            world.ledger.lastTransactionRefusedFor(
                Set.of(Msp.of(COMMERCIAL_BANK), Msp.of(NATIONAL_BANK))))
        .isEmpty();
  }
}
