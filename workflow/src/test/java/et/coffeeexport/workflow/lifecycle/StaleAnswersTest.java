package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.bpmn.ExportProcess;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A proposal sent back and submitted again: each task's form opens (the engine renders a form with
 * its variables, and an earlier step's answer is no value of this task's decision), with no
 * decision preset, and the process still takes the path each answer chose.
 */
class StaleAnswersTest {
  private final FormService forms = InMemoryWorkflow.ENGINE.getFormService();

  @BeforeEach
  void ledger() {
    InMemoryWorkflow.fakeLedger();
  }

  @Test
  void aSentBackProposalsTasksOpenWithoutTheEarlierAnswer() {
    String process =
        InMemoryWorkflow.ENGINE
            .getRuntimeService()
            .startProcessInstanceByKey(
                ExportProcess.EXPORTER_STANDING,
                Map.of(
                    "exporterId", "EXPORTER-1",
                    "standing", "BANNED",
                    "reasons", "forged certificate"))
            .getId();
    InMemoryWorkflow.runStep(process);
    var cosign = InMemoryWorkflow.task(process, "CosignStandingChange");
    InMemoryWorkflow.completeAs(
        "ecta.supervisor",
        cosign,
        Map.of("decision", "SEND_BACK", "cosignatureNotes", "which exports?"));

    var revise = InMemoryWorkflow.task(process, "ReviseStandingChange");
    assertThat(decision(revise.getId()).getValue().getValue()).isNull();
    InMemoryWorkflow.completeAs(
        "ecta.officer", revise, Map.of("decision", "RESUBMIT", "reasons", "EXP-1, EXP-2 forged"));
    InMemoryWorkflow.runStep(process);

    var again = InMemoryWorkflow.task(process, "CosignStandingChange");
    assertThat(again).as("resubmitted: co-signature asked again").isNotNull();
    assertThat(decision(again.getId()).getValue().getValue()).isNull();
  }

  private FormField decision(String taskId) {
    return forms.getTaskFormData(taskId).getFormFields().stream()
        .filter(f -> f.getId().equals("decision"))
        .findFirst()
        .orElseThrow();
  }
}
