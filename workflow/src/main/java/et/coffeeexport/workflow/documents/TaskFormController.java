package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.FormFields;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The task form's own description of a task, for whoever holds it: the decision's fields as the
 * model declares them (typed, with their shapes: the form renders inputs from them and the engine
 * checks the completion against the same), what the officer decides by ({@link DecisionGuide}),
 * and, only for the person whose decision the ledger refused, the refusal this task came back for.
 */
@RestController
class TaskFormController {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The processes whose business key is an export's id. */
  private static final Set<String> ABOUT_AN_EXPORT =
      Set.of(ExportProcess.KEY, ExportProcess.STAGE_REVIEW, ExportProcess.CANCELLATION_FOR_CAUSE);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskHolders holders;
  private final DecisionOutcomes outcomes;
  private final DecisionGuide guide;
  private final LedgerIdentities identities;

  TaskFormController(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      TaskHolders holders,
      DecisionOutcomes outcomes,
      DecisionGuide guide,
      LedgerIdentities identities) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.holders = holders;
    this.outcomes = outcomes;
    this.guide = guide;
    this.identities = identities;
  }

  @GetMapping(path = "/forms-api/tasks/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode form(@PathVariable String taskId, Principal principal) {
    String username = SignedIn.username(principal);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null || !holders.holds(username, task)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + taskId + " of yours");
    }
    Map<String, Object> variables = tasks.getVariables(taskId);
    FlowElement element =
        repository
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    String process = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    // Only these are keyed by an export; an administration process is keyed by an exporter, a
    // buyer or nothing, and shows what it is about in its own fields.
    boolean aboutAnExport = ABOUT_AN_EXPORT.contains(process);
    String exportId =
        aboutAnExport
            ? runtime
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey()
            : null;
    ObjectNode form = JSON.createObjectNode();
    form.putObject("task")
        .put("id", task.getId())
        .put("key", task.getTaskDefinitionKey())
        .put("name", task.getName())
        .put("assignee", task.getAssignee())
        .put("created", task.getCreateTime().toInstant().toString())
        .put("description", task.getDescription());
    form.put("exportId", exportId);
    form.put("stage", Objects.toString(variables.get("stage"), null));
    form.put("stageName", Objects.toString(variables.get("stageName"), null));
    form.set("fields", FormFields.describe(element, variables::get));
    form.setAll(
        guide.of(
            task, variables, exportId, exportId == null ? null : identities.forUsername(username)));
    // The proposal National Bank co-signs; when it was sent back, ECTA starts again from it, with
    // National Bank's reasons.
    if (ExportProcess.PRICE_FLOORS.equals(process)) {
      form.put("proposal", Objects.toString(variables.get(ExportProcess.FLOORS_JSON), null));
    }
    if ("ProposePriceFloors".equals(task.getTaskDefinitionKey())) {
      form.put("sentBackFor", Objects.toString(variables.get("reasons"), null));
    }
    outcomes
        .cameBackFor(taskId)
        .filter(refused -> refused.decidedBy().equals(username))
        .ifPresent(
            refused ->
                form.putObject("refusal")
                    .put("reason", refused.reason())
                    .put("decidedAt", refused.decidedAt().toString())
                    .put("refusedTaskId", refused.taskId()));
    return form;
  }
}
