package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.FormFields;
import java.security.Principal;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The start form of an administration process, described as a task's form is ({@link
 * TaskFormController}): the start event's declared fields, typed, so the same form renders them
 * with nothing preselected. Only the process's candidate starters read it, as only they may start
 * it; after "Start" the form finds the process it started ({@code .../started}) and follows it.
 */
@RestController
class StartFormController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RepositoryService repository;
  private final TaskHolders holders;
  private final DecisionOutcomes outcomes;

  StartFormController(
      RepositoryService repository, TaskHolders holders, DecisionOutcomes outcomes) {
    this.repository = repository;
    this.holders = holders;
    this.outcomes = outcomes;
  }

  @GetMapping(
      path = "/forms-api/start-forms/{processDefinitionId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode form(@PathVariable String processDefinitionId, Principal principal) {
    ProcessDefinition definition = startable(processDefinitionId, principal);
    StartEvent start = startOf(processDefinitionId);
    ObjectNode form = JSON.createObjectNode();
    String name = definition.getName() != null ? definition.getName() : definition.getKey();
    form.putObject("task").putNull("id").put("key", start.getId()).put("name", name);
    form.putNull("exportId");
    // A start form has no variables yet: no condition holds, nothing is prefilled.
    form.set("fields", FormFields.describe(start, variable -> null));
    // What the request does once started, as the model documents it.
    var rules = form.putArray("rules");
    start.getDocumentations().stream()
        .map(Documentation::getTextContent)
        .findFirst()
        .ifPresent(text -> rules.addObject().put("label", "What happens").put("value", text));
    form.putArray("deadlines");
    return form;
  }

  /**
   * The process the signed-in person started from this form in the last two minutes: Tasklist keeps
   * the new instance's id to itself, so the form asks here after "Start", then follows what became
   * of the start at {@code /forms-api/decisions/{processInstanceId}}.
   */
  @GetMapping(
      path = "/forms-api/start-forms/{processDefinitionId}/started",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode started(@PathVariable String processDefinitionId, Principal principal) {
    startable(processDefinitionId, principal);
    String instance =
        outcomes
            .latestStart(startOf(processDefinitionId).getId(), SignedIn.username(principal))
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "you started no process from this form in the last two minutes"))
            .processInstanceId();
    return JSON.createObjectNode().put("processInstanceId", instance);
  }

  /** The definition, if the signed-in person may start it; else 404, as for one that is not. */
  private ProcessDefinition startable(String processDefinitionId, Principal principal) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionId(processDefinitionId)
            .singleResult();
    if (definition == null
        || !holders.mayStart(SignedIn.username(principal), processDefinitionId)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no process " + processDefinitionId + " you may start");
    }
    return definition;
  }

  /** The process's own start event that a person fills in (not a message or timer start). */
  private StartEvent startOf(String processDefinitionId) {
    return repository
        .getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(StartEvent.class)
        .stream()
        .filter(e -> e.getParentElement() instanceof Process)
        .filter(e -> e.getEventDefinitions().isEmpty())
        .findFirst()
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "process " + processDefinitionId + " has no form"));
  }
}
