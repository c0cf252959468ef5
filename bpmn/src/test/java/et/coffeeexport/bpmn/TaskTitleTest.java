package et.coffeeexport.bpmn;

import static et.coffeeexport.bpmn.ExportProcess.Decision.RETURN;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The diagram names a task without expressions ("Review the export"); the officer still sees which
 * export a task is about: the task's documentation, which Camunda evaluates as the task's
 * description (Tasklist's Description tab), names the export, and a create listener makes it the
 * task's name (Tasklist's list, Cockpit's user tasks).
 */
class TaskTitleTest {
  private final ProcessHarness p = new ProcessHarness();

  @Test
  void aReviewTaskNamesItsExportAndStageThoughTheDiagramDoesNot() {
    p.start(150_000);
    var review = p.task("Review");
    assertThat(review.getDescription()).isEqualTo("Review export EXP-TEST-1 (Commercial Bank)");
    assertThat(review.getName()).isEqualTo("Review export EXP-TEST-1 (Commercial Bank)");
    assertThat(modelName("Review")).isEqualTo("Review the export");
  }

  @Test
  void theExportersAmendmentTaskNamesItsExport() {
    p.start(150_000);
    p.review(RETURN);
    var amend = p.task("AmendForBank");
    assertThat(amend.getDescription()).isEqualTo("Amend export EXP-TEST-1 for Commercial Bank");
    assertThat(amend.getName()).isEqualTo(amend.getDescription());
    assertThat(modelName("AmendForBank")).isEqualTo("Amend the export for Commercial Bank");
  }

  private static String modelName(String taskKey) {
    var definitions =
        ProcessHarness.ENGINE.getRepositoryService().createProcessDefinitionQuery().list();
    for (var definition : definitions) {
      var model =
          ProcessHarness.ENGINE.getRepositoryService().getBpmnModelInstance(definition.getId());
      UserTask task = model.getModelElementById(taskKey);
      if (task != null) {
        return task.getName();
      }
    }
    throw new IllegalStateException("no user task " + taskKey);
  }
}
