package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * A completed task marks exactly the ledger steps that directly follow it, so a mark is read only
 * by the step it was made for: never by a parallel branch, nor by a later step when the task led to
 * none.
 */
class DecisionsTest {
  private static final BpmnModelInstance LIFECYCLE = model("processes/export-lifecycle.bpmn");
  private static final BpmnModelInstance STAGE_REVIEW = model("processes/stage-review.bpmn");
  private static final BpmnModelInstance PRICE_FLOORS = model("processes/price-floors.bpmn");

  @Test
  void aReviewMarksItsThreeOutcomesThroughTheDecisionGateway() {
    assertThat(Decisions.stepsAfter(node(STAGE_REVIEW, "Review")))
        .containsExactlyInAnyOrder("RecordApproval", "RecordReturn", "RecordRejection");
  }

  @Test
  void eachTaskOfTheLifecycleMarksOnlyItsOwnStep() {
    assertThat(Decisions.stepsAfter(node(LIFECYCLE, "BookShipment")))
        .containsExactly("RecordBooking");
    assertThat(Decisions.stepsAfter(node(LIFECYCLE, "Ship"))).containsExactly("RecordShipment");
    assertThat(Decisions.stepsAfter(node(LIFECYCLE, "AmendForBank")))
        .containsExactly("RecordAmendmentForBank");
    assertThat(Decisions.stepsAfter(node(LIFECYCLE, "RecordRepatriation")))
        .containsExactly("RecordProceeds");
  }

  @Test
  void priceFloorTasksMarkTheirLedgerStepsButNotTheTaskASendBackReturnsTo() {
    assertThat(Decisions.stepsAfter(node(PRICE_FLOORS, "ProposePriceFloors")))
        .containsExactly("RecordProposal");
    assertThat(Decisions.stepsAfter(node(PRICE_FLOORS, "CosignPriceFloors")))
        .containsExactly("RecordCosignature");
  }

  @Test
  void ectasOverdueDecisionMarksTheExtensionAndTheCancellationThroughItsGateway() {
    assertThat(Decisions.stepsAfter(node(LIFECYCLE, "DecideOnOverdueShipment")))
        .containsExactlyInAnyOrder("ExtendShipmentDeadline", "CancelOverdueExport");
  }

  @Test
  void aTaskThatLeadsToNoLedgerStepMarksNothing() {
    assertThat(Decisions.stepsAfter(node(LIFECYCLE, "FollowUpLateContractReport"))).isEmpty();
  }

  private static FlowNode node(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }

  private static BpmnModelInstance model(String resource) {
    return Bpmn.readModelFromStream(
        DecisionsTest.class.getClassLoader().getResourceAsStream(resource));
  }
}
