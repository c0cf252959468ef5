package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/**
 * The regulators' administration processes (the minimum prices, standing changes, the blacklist,
 * cancellation for cause) on the in-memory engine, started by an officer as the engine REST API
 * starts them (authenticated, with the start form's fields), with a fake registry: each ledger step
 * records {@code activity:action} and can be told to refuse once.
 */
final class AdministrationHarness {
  static final ProcessEngine ENGINE = ProcessHarness.ENGINE;

  final List<String> ledger = new ArrayList<>();
  final List<String> escalations = new ArrayList<>();
  final Set<String> refuseOnce = new HashSet<>();
  ProcessInstance instance;

  AdministrationHarness() {
    Mocks.reset();
    for (String bean : List.of("standingStep", "blacklistStep", "cancelForCause")) {
      Mocks.register(bean, step());
    }
    Mocks.register(
        "escalateToSupervisors", (JavaDelegate) e -> escalations.add(e.getCurrentActivityId()));
  }

  private JavaDelegate step() {
    return execution -> {
      String step = execution.getCurrentActivityId();
      if (refuseOnce.remove(step)) {
        throw new BpmnError(
            ExportProcess.LEDGER_REFUSED, "ILLEGAL_TRANSITION: refused by the fake ledger");
      }
      String action =
          execution
              .getBpmnModelElementInstance()
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaProperties.class)
              .singleResult()
              .getCamundaProperties()
              .iterator()
              .next()
              .getCamundaValue();
      ledger.add(step + ":" + action);
    };
  }

  /** {@code officer} starts process {@code key} with its start form's {@code fields}. */
  AdministrationHarness start(String key, String officer, Map<String, Object> fields) {
    ENGINE.getIdentityService().setAuthenticatedUserId(officer);
    try {
      instance = ENGINE.getRuntimeService().startProcessInstanceByKey(key, new HashMap<>(fields));
    } finally {
      ENGINE.getIdentityService().clearAuthentication();
    }
    return settle();
  }

  /** The one open task {@code key} of this instance. */
  Task task(String key) {
    List<Task> tasks =
        ENGINE
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open tasks %s", key).hasSize(1);
    return tasks.get(0);
  }

  List<String> candidates(Task task) {
    return ENGINE.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(l -> l.getGroupId())
        .toList();
  }

  /** A variable of this instance, running or ended. */
  Object variable(String name) {
    var variable =
        ENGINE
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult();
    return variable == null ? null : variable.getValue();
  }

  AdministrationHarness complete(String key, Map<String, Object> fields) {
    ENGINE.getTaskService().complete(task(key).getId(), fields);
    return settle();
  }

  AdministrationHarness fireTimer(String activityId) {
    var job =
        ENGINE
            .getManagementService()
            .createJobQuery()
            .timers()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("timer on %s", activityId).isNotNull();
    ENGINE.getManagementService().executeJob(job.getId());
    return settle();
  }

  /** Runs the asynchronous ledger steps this instance waits on, as the job executor would. */
  AdministrationHarness settle() {
    for (int round = 0; round < 100; round++) {
      var jobs =
          ENGINE
              .getManagementService()
              .createJobQuery()
              .processInstanceId(instance.getId())
              .messages()
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return this;
      }
      jobs.forEach(j -> ENGINE.getManagementService().executeJob(j.getId()));
    }
    throw new AssertionError("asynchronous continuations did not settle");
  }

  boolean ended() {
    return InstanceHistory.ended(instance.getId());
  }

  /** The end events this instance passed through. */
  List<String> endEvents() {
    return InstanceHistory.endEvents(instance.getId());
  }

  boolean passed(String activityId) {
    return InstanceHistory.passed(instance.getId(), activityId);
  }

  String businessKey() {
    return ENGINE
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId())
        .singleResult()
        .getBusinessKey();
  }

  /** The groups whose members may start process {@code key}. */
  static List<String> starterGroups(String key) {
    var definition =
        ENGINE
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    return ENGINE
        .getRepositoryService()
        .getIdentityLinksForProcessDefinition(definition.getId())
        .stream()
        .map(l -> l.getGroupId())
        .sorted()
        .toList();
  }
}
