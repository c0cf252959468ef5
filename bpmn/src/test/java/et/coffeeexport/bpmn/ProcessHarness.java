package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The models on an in-memory engine with fake delegates: every ledger-writing delegate records the
 * action it stands for (the task's {@code ledgerAction} property), and can be told to refuse.
 */
final class ProcessHarness {
  static final ProcessEngine ENGINE = engine();

  /** The rule set deploy.sh puts in force first (network/config/rules). */
  static final com.fasterxml.jackson.databind.JsonNode GENESIS = genesis();

  private static com.fasterxml.jackson.databind.JsonNode genesis() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.nio.file.Path.of("../network/config/rules/ruleset-1.json").toFile());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  final List<String> ledger = new ArrayList<>();
  final List<String> escalations = new ArrayList<>();
  final Set<String> refuseOnce = new HashSet<>();
  ProcessInstance instance;

  /** The export's value: private terms, which the models never hold as a variable. */
  private double valueUsd;

  private static ProcessEngine engine() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:coffee-export-processes;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setExpressionManager(new MockExpressionManager());
    ProcessEngine engine = configuration.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment().name("coffee-export");
    ExportProcess.RESOURCES.forEach(deployment::addClasspathResource);
    deployment.deploy();
    return engine;
  }

  ProcessHarness() {
    Mocks.reset();
    for (String bean :
        List.of("fileExport", "recordStageApproval", "ledgerStep", "recordProceeds")) {
      Mocks.register(bean, ledgerWriter(bean));
    }
    Mocks.register(
        "escalateToSupervisors", (JavaDelegate) e -> escalations.add(e.getCurrentActivityId()));
    Mocks.register("taskServiceLevel", (TaskListener) t -> {});
    // As the application does: the deployed fx-rules table on the value read from the private
    // terms; only its outcomes become variables.
    Mocks.register(
        "decideForeignExchangeRules",
        (JavaDelegate)
            e -> {
              var result =
                  ENGINE
                      .getDecisionService()
                      .evaluateDecisionTableByKey("fx-rules")
                      .variables(
                          Map.of(
                              "valueUsd",
                              valueUsd,
                              "paymentMode",
                              "LETTER_OF_CREDIT",
                              // The deployed rule set's, as the application reads them from the
                              // ledger.
                              "fourEyesThresholdUsd",
                              GENESIS.get("fourEyesThresholdUsd").asDouble(),
                              "allowedPaymentModes",
                              java.util.stream.StreamSupport.stream(
                                      GENESIS.get("allowedPaymentModes").spliterator(), false)
                                  .map(m -> m.asText())
                                  .toList()))
                      .evaluate()
                      .getSingleResult();
              e.setVariable("fourEyes", result.getEntry("fourEyes"));
              e.setVariable("paymentModeAllowed", result.getEntry("paymentModeAllowed"));
            });
    Mocks.register("warnOfShipmentDeadline", (JavaDelegate) e -> ledger.add("WARNED"));
    Mocks.register("markExporterDelinquent", (JavaDelegate) e -> ledger.add("DELINQUENT"));
  }

  private JavaDelegate ledgerWriter(String bean) {
    return execution -> {
      String action =
          execution
              .getBpmnModelElementInstance()
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
              .singleResult()
              .getCamundaProperties()
              .stream()
              .filter(p -> ExportProcess.LEDGER_ACTION.equals(p.getCamundaName()))
              .findFirst()
              .orElseThrow()
              .getCamundaValue();
      if (action.startsWith("${")) {
        action = (String) execution.getVariable(ExportProcess.APPROVE_ACTION);
      }
      if (refuseOnce.remove(action)) {
        throw new BpmnError(
            ExportProcess.LEDGER_REFUSED, "ILLEGAL_TRANSITION: refused by the fake ledger");
      }
      ledger.add(action);
      if ("EXTEND_SHIPMENT_DEADLINE".equals(action)) {
        // As the application does with the ledger's answer: the deadline's timers follow the
        // shipmentDue the chaincode recorded (here: the date ECTA asked for).
        var due =
            java.time.LocalDate.parse((String) execution.getVariable("newShipmentDate"))
                .atStartOfDay(java.time.ZoneOffset.UTC);
        execution
            .getProcessInstance()
            .setVariable(ExportProcess.SHIPMENT_DUE, due.toInstant().toString());
        execution
            .getProcessInstance()
            .setVariable(
                ExportProcess.SHIPMENT_WARNING_AT, due.minusDays(10).toInstant().toString());
      }
    };
  }

  /** Starts an export worth {@code valueUsd}, with its deadlines far away. */
  ProcessHarness start(double valueUsd) {
    this.valueUsd = valueUsd;
    Map<String, Object> variables = new HashMap<>();
    Instant now = Instant.now();
    variables.put(ExportProcess.EXPORT_ID, "EXP-TEST-1");
    variables.put(ExportProcess.EXPORTER_USER, "exporter");
    variables.put(ExportProcess.CONTRACT_REPORT_DUE, now.plus(1, ChronoUnit.DAYS).toString());
    variables.put(ExportProcess.SHIPMENT_WARNING_AT, now.plus(80, ChronoUnit.DAYS).toString());
    variables.put(ExportProcess.SHIPMENT_DUE, now.plus(90, ChronoUnit.DAYS).toString());
    variables.put(ExportProcess.REPATRIATION_DUE, now.plus(180, ChronoUnit.DAYS).toString());
    instance =
        ENGINE
            .getRuntimeService()
            .startProcessInstanceByKey(
                ExportProcess.KEY, "EXP-TEST-1-" + now.toEpochMilli(), variables);
    return settle();
  }

  /**
   * The one open task of this export with {@code key}, in this process or a stage review it called.
   */
  Task task(String key) {
    List<Task> tasks =
        ENGINE.getTaskService().createTaskQuery().taskDefinitionKey(key).list().stream()
            .filter(t -> belongsToThisExport(t.getProcessInstanceId()))
            .toList();
    assertThat(tasks).as("open tasks %s", key).hasSize(1);
    return tasks.get(0);
  }

  List<Task> openTasks() {
    return ENGINE.getTaskService().createTaskQuery().list().stream()
        .filter(t -> belongsToThisExport(t.getProcessInstanceId()))
        .toList();
  }

  private boolean belongsToThisExport(String processInstanceId) {
    String id = processInstanceId;
    while (id != null) {
      if (id.equals(instance.getId())) {
        return true;
      }
      var pi =
          ENGINE
              .getRuntimeService()
              .createProcessInstanceQuery()
              .subProcessInstanceId(id)
              .singleResult();
      id = pi == null ? null : pi.getId();
    }
    return false;
  }

  /** The stage review now open decides {@code decision}. */
  ProcessHarness review(ExportProcess.Decision decision) {
    ENGINE
        .getTaskService()
        .complete(task("Review").getId(), Map.of(ExportProcess.DECISION, decision.name()));
    return settle();
  }

  ProcessHarness complete(String key) {
    ENGINE.getTaskService().complete(task(key).getId());
    return settle();
  }

  /** Completes the open task {@code key} with its form's {@code fields}. */
  ProcessHarness complete(String key, Map<String, Object> fields) {
    ENGINE.getTaskService().complete(task(key).getId(), fields);
    return settle();
  }

  /** When the timers on {@code activityId} of this export are due (none when it waits on none). */
  List<Instant> timersDue(String activityId) {
    return ENGINE
        .getManagementService()
        .createJobQuery()
        .timers()
        .activityId(activityId)
        .list()
        .stream()
        .filter(j -> belongsToThisExport(j.getProcessInstanceId()))
        .map(j -> j.getDuedate().toInstant())
        .toList();
  }

  /**
   * Runs the asynchronous continuations this export is waiting on (every ledger step runs in a job
   * of its own), as the job executor would, until none is left; timers wait for their time.
   */
  ProcessHarness settle() {
    for (int round = 0; round < 100; round++) {
      var jobs =
          ENGINE.getManagementService().createJobQuery().messages().executable().list().stream()
              .filter(j -> belongsToThisExport(j.getProcessInstanceId()))
              .toList();
      if (jobs.isEmpty()) {
        return this;
      }
      jobs.forEach(j -> ENGINE.getManagementService().executeJob(j.getId()));
    }
    throw new AssertionError("asynchronous continuations did not settle");
  }

  ProcessHarness correlate(String message) {
    ENGINE
        .getRuntimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .correlate();
    return settle();
  }

  /** Fires the timer on {@code activityId} of this export now. */
  ProcessHarness fireTimer(String activityId) {
    var job =
        ENGINE
            .getManagementService()
            .createJobQuery()
            .timers()
            .activityId(activityId)
            .list()
            .stream()
            .filter(j -> belongsToThisExport(j.getProcessInstanceId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no timer on " + activityId));
    ENGINE.getManagementService().executeJob(job.getId());
    return settle();
  }

  boolean ended() {
    return InstanceHistory.ended(instance.getId());
  }

  /** The end events this export's main process instance passed through. */
  List<String> endEvents() {
    return InstanceHistory.endEvents(instance.getId());
  }

  boolean passed(String activityId) {
    return InstanceHistory.passed(instance.getId(), activityId);
  }
}
