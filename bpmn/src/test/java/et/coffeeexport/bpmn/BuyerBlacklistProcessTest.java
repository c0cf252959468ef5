package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every path of ECTA's buyer blacklist: an entry, a removal, a refusal of each back to the officer
 * (submitted again or withdrawn), the escalation.
 */
class BuyerBlacklistProcessTest {
  private final AdministrationHarness h = new AdministrationHarness();

  private void start(String change) {
    Map<String, Object> fields = new HashMap<>();
    fields.put(ExportProcess.BLACKLIST_CHANGE, change);
    fields.put(ExportProcess.BUYER_ID, "BUYER-HAMBURG-9");
    fields.put(ExportProcess.BUYER_NAME, "Defaulting Roasters GmbH");
    fields.put(ExportProcess.BUYER_COUNTRY, "DE");
    fields.put(ExportProcess.REASONS, "non-payment of EXP-3");
    h.start(ExportProcess.BUYER_BLACKLIST, "ecta.officer", fields);
  }

  @Test
  void onlyEctaOfficersStartIt() {
    assertThat(AdministrationHarness.starterGroups(ExportProcess.BUYER_BLACKLIST))
        .containsExactly("ecta");
  }

  @Test
  void anEctaOfficerEntersABuyerOnTheBlacklist() {
    start("BLACKLIST");
    assertThat(h.businessKey()).isEqualTo("BUYER-HAMBURG-9");
    assertThat(h.ledger).containsExactly("RecordBlacklisting:ADD");
    assertThat(h.endEvents()).containsExactly("BuyerBlacklisted");
  }

  @Test
  void anEctaOfficerTakesABuyerOffTheBlacklist() {
    start("REMOVE");
    assertThat(h.ledger).containsExactly("RecordRemoval:REMOVE");
    assertThat(h.endEvents()).containsExactly("BuyerRemovedFromBlacklist");
  }

  @Test
  void aRefusedEntryGoesBackToTheOfficerWhoCorrectsIt() {
    h.refuseOnce.add("RecordBlacklisting");
    start("BLACKLIST");
    var revise = h.task("ReviseBlacklistChange");
    assertThat(revise.getAssignee()).isEqualTo("ecta.officer");
    assertThat(h.candidates(revise)).containsExactly("ecta");
    assertThat(revise.getDescription()).contains("ILLEGAL_TRANSITION");
    h.complete(
        "ReviseBlacklistChange",
        Map.of(
            ExportProcess.DECISION, "RESUBMIT",
            ExportProcess.BUYER_COUNTRY, "AT",
            ExportProcess.REASONS, "non-payment of EXP-3"));
    assertThat(h.ledger).containsExactly("RecordBlacklisting:ADD");
    assertThat(h.endEvents()).containsExactly("BuyerBlacklisted");
  }

  @Test
  void aRefusedRemovalMayBeWithdrawn() {
    h.refuseOnce.add("RecordRemoval");
    start("REMOVE");
    h.complete(
        "ReviseBlacklistChange",
        Map.of(ExportProcess.DECISION, "WITHDRAW", ExportProcess.REASONS, "not listed"));
    assertThat(h.ledger).isEmpty();
    assertThat(h.endEvents()).containsExactly("BlacklistChangeWithdrawn");
  }

  @Test
  void aLateRevisionIsEscalatedAndStillAwaited() {
    h.refuseOnce.add("RecordRemoval");
    start("REMOVE");
    h.fireTimer("RevisionOverdue");
    assertThat(h.escalations).containsExactly("ReviseBlacklistChangeEscalation");
    assertThat(h.task("ReviseBlacklistChange")).isNotNull();
  }
}
