package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * Every path of a rule-set change on the in-memory engine, with a fake ledger: proposed by the ECTA
 * officer who starts it, co-signed by a National Bank supervisor or sent back with reasons, revised
 * or withdrawn by ECTA, each refused ledger step back to the task before it, both escalations.
 */
class RuleSetChangeProcessTest {
  private static final ProcessEngine ENGINE = ProcessHarness.ENGINE;

  /** The harness drives this process's one instance; its fakes are replaced by this test's. */
  private final ProcessHarness process = new ProcessHarness();

  private final List<String> ledger = new ArrayList<>();
  private final List<String> checked = new ArrayList<>();
  private final List<String> escalations = new ArrayList<>();
  private final Set<String> refuseOnce = new HashSet<>();

  /** The form checks the application runs: here they record where they ran, and refuse "bad". */
  private final class Inputs implements ExecutionListener, TaskListener {
    @Override
    public void notify(DelegateExecution execution) {
      checked.add(execution.getCurrentActivityId());
      refuseBad(execution.getVariable(ExportProcess.newValueField(1)));
    }

    @Override
    public void notify(DelegateTask task) {
      checked.add(task.getTaskDefinitionKey());
      refuseBad(task.getVariable(ExportProcess.newValueField(1)));
    }

    private void refuseBad(Object value) {
      if ("bad".equals(value)) {
        throw new FormFieldValidationException(
            "newValue1", "form field newValue1 must be a number");
      }
    }
  }

  RuleSetChangeProcessTest() {
    Mocks.register("ruleSetChangeInputs", new Inputs());
    Mocks.register(
        "ruleSetStep",
        (JavaDelegate)
            e -> {
              String step = e.getCurrentActivityId();
              if (refuseOnce.remove(step)) {
                throw new BpmnError(
                    ExportProcess.LEDGER_REFUSED,
                    "EFFECTIVE_DATE_PASSED: refused by the fake ledger");
              }
              ledger.add(step);
              if (step.equals("ProposeRuleSet")) {
                e.setVariable(ExportProcess.PROPOSED_VERSION, 2);
                e.setVariable(ExportProcess.PROPOSAL_HASH, "ab".repeat(32));
                e.setVariable(
                    ExportProcess.CHANGE_SUMMARY, "- FOUR_EYES_THRESHOLD_USD: 1000000 -> 2000000");
              }
            });
    Mocks.register(
        "escalateToSupervisors", (JavaDelegate) e -> escalations.add(e.getCurrentActivityId()));
  }

  private static Map<String, Object> changes(String value) {
    Map<String, Object> form = new HashMap<>();
    form.put(ExportProcess.ruleField(1), "FOUR_EYES_THRESHOLD_USD");
    form.put(ExportProcess.newValueField(1), value);
    form.put(ExportProcess.EFFECTIVE_DATE, "2027-01-01");
    form.put(ExportProcess.DIRECTIVE, "NBE FX directive 2026/7");
    return form;
  }

  @Test
  void anEctaOfficerStartsItAndANationalBankSupervisorCoSignsIt() {
    var definition =
        ENGINE
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(ExportProcess.RULE_SET_CHANGE)
            .latestVersion()
            .singleResult();
    assertThat(
            ENGINE.getRepositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
        .extracting(l -> l.getGroupId())
        .as("who may start it")
        .containsExactly("ecta");
    start(changes("2000000"));
    assertThat(checked).as("the start form is checked on the server").hasSize(1);
    assertThat(ledger).containsExactly("ProposeRuleSet");
    assertThat(ENGINE.getRuntimeService().getVariable(process.instance.getId(), "initiator"))
        .as("who started it, whom the application marks as the proposal's signer")
        .isEqualTo("ecta.officer");

    Task cosign = process.task(ExportProcess.COSIGN_RULE_SET_CHANGE);
    assertThat(cosign.getName()).isEqualTo("Co-sign rule set 2, in force from 2027-01-01");
    assertThat(candidates(cosign)).containsExactly("national-bank-supervisors");
    assertThat(ENGINE.getFormService().getTaskFormData(cosign.getId()).getFormFields())
        .extracting(f -> f.getId())
        .containsExactly(
            ExportProcess.CHANGE_SUMMARY, ExportProcess.DECISION, ExportProcess.REASONS);
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE, Map.of(ExportProcess.DECISION, "COSIGN"));

    assertThat(ledger).containsExactly("ProposeRuleSet", "CosignRuleSet");
    assertThat(process.ended()).isTrue();
    assertThat(process.passed("RuleSetCosigned")).isTrue();
  }

  @Test
  void aChangeTheStartFormRefusesStartsNothing() {
    long before = instances();
    assertThatThrownBy(() -> start(changes("bad")))
        .isInstanceOf(FormFieldValidationException.class);
    assertThat(instances()).isEqualTo(before);
    assertThat(ledger).isEmpty();
  }

  @Test
  void nationalBankSendsItBackWithReasonsAndEctaProposesItAgain() {
    start(changes("2000000"));
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE,
        Map.of(
            ExportProcess.DECISION,
            "SEND_BACK",
            ExportProcess.REASONS,
            "directive not yet signed"));
    Task revise = process.task(ExportProcess.REVISE_RULE_SET_CHANGE);
    assertThat(candidates(revise)).containsExactly("ecta");
    assertThat(ENGINE.getTaskService().getVariable(revise.getId(), ExportProcess.REASONS))
        .isEqualTo("directive not yet signed");
    assertThat(ENGINE.getTaskService().getVariable(revise.getId(), ExportProcess.ruleField(1)))
        .as("the revision starts from what was proposed")
        .isEqualTo("FOUR_EYES_THRESHOLD_USD");

    Map<String, Object> revised = new HashMap<>(changes("1500000"));
    revised.put(ExportProcess.DECISION, "PROPOSE_AGAIN");
    process.complete(ExportProcess.REVISE_RULE_SET_CHANGE, revised);
    assertThat(checked)
        .containsExactly(
            "RuleSetChangeProposed",
            ExportProcess.COSIGN_RULE_SET_CHANGE,
            ExportProcess.REVISE_RULE_SET_CHANGE);
    assertThat(ledger).hasSize(2).allMatch(s -> s.startsWith("ProposeRuleSet"));
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE, Map.of(ExportProcess.DECISION, "COSIGN"));
    assertThat(ledger).last().asString().startsWith("CosignRuleSet");
    assertThat(process.passed("RuleSetCosigned")).isTrue();
  }

  @Test
  void ectaMayWithdrawAChangeSentBack() {
    start(changes("2000000"));
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE,
        Map.of(ExportProcess.DECISION, "SEND_BACK", ExportProcess.REASONS, "not needed"));
    process.complete(
        ExportProcess.REVISE_RULE_SET_CHANGE, Map.of(ExportProcess.DECISION, "WITHDRAW"));
    assertThat(process.ended()).isTrue();
    assertThat(process.passed("RuleSetChangeWithdrawn")).isTrue();
    assertThat(process.passed("RuleSetCosigned")).isFalse();
    assertThat(ledger)
        .as("the proposal pending on the ledger is withdrawn there too")
        .containsExactly("ProposeRuleSet", "WithdrawRuleSetProposal");
  }

  @Test
  void aRefusedWithdrawalGoesBackToEctaWithTheReason() {
    start(changes("2000000"));
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE,
        Map.of(ExportProcess.DECISION, "SEND_BACK", ExportProcess.REASONS, "not needed"));
    refuseOnce.add("WithdrawRuleSetProposal");
    process.complete(
        ExportProcess.REVISE_RULE_SET_CHANGE, Map.of(ExportProcess.DECISION, "WITHDRAW"));
    Task again = process.task(ExportProcess.REVISE_RULE_SET_CHANGE);
    assertThat((String) ENGINE.getTaskService().getVariable(again.getId(), "ledgerRefusal"))
        .startsWith("EFFECTIVE_DATE_PASSED");
    process.complete(
        ExportProcess.REVISE_RULE_SET_CHANGE, Map.of(ExportProcess.DECISION, "WITHDRAW"));
    assertThat(process.passed("RuleSetChangeWithdrawn")).isTrue();
    assertThat(ledger).containsExactly("ProposeRuleSet", "WithdrawRuleSetProposal");
  }

  @Test
  void aRefusedProposalGoesToEctaWithTheReason() {
    refuseOnce.add("ProposeRuleSet");
    start(changes("2000000"));
    assertThat(ledger).isEmpty();
    Task revise = process.task(ExportProcess.REVISE_RULE_SET_CHANGE);
    assertThat((String) ENGINE.getTaskService().getVariable(revise.getId(), "ledgerRefusal"))
        .startsWith("EFFECTIVE_DATE_PASSED");
    Map<String, Object> revised = new HashMap<>(changes("2000000"));
    revised.put(ExportProcess.DECISION, "PROPOSE_AGAIN");
    process.complete(ExportProcess.REVISE_RULE_SET_CHANGE, revised);
    assertThat(ledger).hasSize(1);
    assertThat(process.task(ExportProcess.COSIGN_RULE_SET_CHANGE)).isNotNull();
  }

  @Test
  void aRefusedCoSignatureGoesBackToTheSupervisor() {
    start(changes("2000000"));
    refuseOnce.add("CosignRuleSet");
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE, Map.of(ExportProcess.DECISION, "COSIGN"));
    Task again = process.task(ExportProcess.COSIGN_RULE_SET_CHANGE);
    assertThat((String) ENGINE.getTaskService().getVariable(again.getId(), "ledgerRefusal"))
        .startsWith("EFFECTIVE_DATE_PASSED");
    process.complete(
        ExportProcess.COSIGN_RULE_SET_CHANGE,
        Map.of(ExportProcess.DECISION, "SEND_BACK", ExportProcess.REASONS, "new date"));
    assertThat(process.task(ExportProcess.REVISE_RULE_SET_CHANGE)).isNotNull();
    assertThat(ledger).hasSize(1);
  }

  @Test
  void aLateCoSignatureIsEscalatedAndStillAwaited() {
    start(changes("2000000"));
    process.fireTimer("CosignatureOverdue");
    assertThat(escalations).containsExactly("CosignRuleSetChangeEscalation");
    assertThat(process.task(ExportProcess.COSIGN_RULE_SET_CHANGE)).isNotNull();
  }

  @Test
  void aLateRevisionIsEscalatedAndStillAwaited() {
    refuseOnce.add("ProposeRuleSet");
    start(changes("2000000"));
    process.fireTimer("RevisionOverdue");
    assertThat(escalations).containsExactly("ReviseRuleSetChangeEscalation");
    assertThat(process.task(ExportProcess.REVISE_RULE_SET_CHANGE)).isNotNull();
  }

  private void start(Map<String, Object> form) {
    ENGINE.getIdentityService().setAuthenticatedUserId("ecta.officer");
    try {
      String definition =
          ENGINE
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .processDefinitionKey(ExportProcess.RULE_SET_CHANGE)
              .latestVersion()
              .singleResult()
              .getId();
      // As Tasklist and the engine's API start it: the start form's fields.
      process.instance = ENGINE.getFormService().submitStartForm(definition, form);
    } finally {
      ENGINE.getIdentityService().clearAuthentication();
    }
    process.settle();
  }

  private long instances() {
    return ENGINE
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ExportProcess.RULE_SET_CHANGE)
        .count();
  }

  private List<String> candidates(Task task) {
    return ENGINE.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId())
        .toList();
  }
}
