package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * Who signs each ledger step of the administration processes: the officer who started the process
 * signs the steps right after its start (through the gateway that picks one); the supervisor who
 * co-signs signs the change; whoever revises signs the step they submit again, or the withdrawal.
 * So a ban is never signed by its proposer, and a refused step is decided again by the person it
 * came back to.
 */
class AdministrationSignersTest {
  private static final BpmnModelInstance STANDING = model("processes/exporter-standing.bpmn");
  private static final BpmnModelInstance DELINQUENCY = model("processes/exporter-delinquency.bpmn");
  private static final BpmnModelInstance BLACKLIST = model("processes/buyer-blacklist.bpmn");
  private static final BpmnModelInstance CANCELLATION =
      model("processes/cancellation-for-cause.bpmn");

  @Test
  void theOfficerWhoStartsAStandingChangeSignsTheSuspensionOrTheProposalNotTheCoSignedChange() {
    assertThat(Decisions.stepsAfter(node(STANDING, "StandingChangeRequested")))
        .containsExactlyInAnyOrder("RecordSuspension", "RecordStandingProposal");
    assertThat(Decisions.stepsAfter(node(STANDING, "CosignStandingChange")))
        .containsExactly("RecordCosignedChange");
    assertThat(Decisions.stepsAfter(node(STANDING, "ReviseStandingChange")))
        .as("the officer who revises signs what they submit again, or the withdrawal")
        .containsExactlyInAnyOrder(
            "RecordSuspension", "RecordStandingProposal", "WithdrawStandingProposal");
  }

  @Test
  void theNationalBankOfficerSignsTheDelinquencyChangeTheyStartOrSubmitAgain() {
    assertThat(Decisions.stepsAfter(node(DELINQUENCY, "DelinquencyChangeRequested")))
        .containsExactly("RecordDelinquencyChange");
    assertThat(Decisions.stepsAfter(node(DELINQUENCY, "ReviseDelinquencyChange")))
        .containsExactly("RecordDelinquencyChange");
  }

  @Test
  void theEctaOfficerSignsTheBlacklistEntryOrRemovalTheyStart() {
    assertThat(Decisions.stepsAfter(node(BLACKLIST, "BlacklistChangeRequested")))
        .containsExactlyInAnyOrder("RecordBlacklisting", "RecordRemoval");
    assertThat(Decisions.stepsAfter(node(BLACKLIST, "ReviseBlacklistChange")))
        .containsExactlyInAnyOrder("RecordBlacklisting", "RecordRemoval");
  }

  @Test
  void theOfficerWhoStartsACancellationForCauseSignsIt() {
    assertThat(Decisions.stepsAfter(node(CANCELLATION, "CancellationForCauseRequested")))
        .containsExactly("RecordCancellationForCause");
    assertThat(Decisions.stepsAfter(node(CANCELLATION, "ReviewRefusedCancellation")))
        .containsExactly("RecordCancellationForCause");
  }

  private static FlowNode node(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }

  private static BpmnModelInstance model(String resource) {
    return Bpmn.readModelFromStream(
        AdministrationSignersTest.class.getClassLoader().getResourceAsStream(resource));
  }
}
