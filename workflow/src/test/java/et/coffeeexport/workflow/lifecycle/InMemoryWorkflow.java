package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.workflow.WorkflowSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stage review and the price-floor round on an in-memory engine with the application's own
 * listeners and tables ({@link DecisionsPlugin}, the workflow's migrations), the ledger steps
 * replaced by one that refuses, fails or commits as told. Shared by the tests of what a person
 * reads about their decision.
 */
public final class InMemoryWorkflow {
  private static final String TABLES =
      "jdbc:h2:mem:workflow-tables;MODE=PostgreSQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
  public static final DecisionOutcomes OUTCOMES;
  public static final ProcessEngine ENGINE;

  /** What the ledger step does next: refuse with this reason (else see {@link #FAIL_WITH}). */
  public static final AtomicReference<String> REFUSE_WITH = new AtomicReference<>();

  /** A technical failure the ledger step meets next (else it commits). */
  public static final AtomicReference<String> FAIL_WITH = new AtomicReference<>();

  static {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL(TABLES);
    db.setUser("sa");
    // PostgreSQL's name for the type the workflow's migrations use; they run unchanged.
    new JdbcTemplate(db)
        .execute("CREATE DOMAIN IF NOT EXISTS timestamptz AS TIMESTAMP WITH TIME ZONE");
    WorkflowSchema.migrate(db);
    OUTCOMES = new DecisionOutcomes(db);
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    // The engine's own tables in a database of their own: H2's PostgreSQL mode has no BLOB.
    configuration.setJdbcUrl("jdbc:h2:mem:workflow-engine;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setExpressionManager(new MockExpressionManager());
    configuration
        .getProcessEnginePlugins()
        .add(new DecisionsPlugin(new PrivateInputs(db), OUTCOMES, new Refusals(OUTCOMES)));
    ENGINE = configuration.buildProcessEngine();
    ENGINE
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("processes/stage-review.bpmn")
        .addClasspathResource("processes/price-floors.bpmn")
        .addClasspathResource("processes/exporter-standing.bpmn")
        .addClasspathResource("decisions/service-levels.dmn")
        .deploy();
  }

  private InMemoryWorkflow() {}

  /**
   * Registers the fake ledger: a lifecycle step commits as {@code LedgerSteps} does (the outcome
   * with its transaction), a price-floor step records nothing of its own, as the real one.
   */
  public static void fakeLedger() {
    Mocks.reset();
    REFUSE_WITH.set(null);
    FAIL_WITH.set(null);
    Mocks.register("recordStageApproval", step(true));
    Mocks.register("ledgerStep", step(true));
    Mocks.register("priceFloorStep", step(false));
    Mocks.register("standingStep", administrationStep());
    Mocks.register("taskServiceLevel", (TaskListener) task -> {});
    Mocks.register("escalateToSupervisors", (JavaDelegate) execution -> {});
    Mocks.register(
        "priceFloorDay",
        (JavaDelegate)
            execution -> execution.setVariable(ExportProcess.EFFECTIVE_DATE, "2026-12-02"));
  }

  private static JavaDelegate step(boolean recordsTransaction) {
    return execution -> {
      if (FAIL_WITH.get() != null) {
        throw new IllegalStateException(FAIL_WITH.get());
      }
      if (REFUSE_WITH.get() != null) {
        Decisions.consumed(execution);
        throw new BpmnError(ExportProcess.LEDGER_REFUSED, REFUSE_WITH.get());
      }
      if (recordsTransaction) {
        OUTCOMES.committed(Decisions.stepKey(execution), "tx-" + execution.getId(), "X");
      }
      Decisions.consumed(execution);
    };
  }

  /**
   * An administration step: commits as the real ones do, the transaction recorded for the decision
   * that led to it ({@link DecisionOutcomes#committed(DelegateExecution, String)}).
   */
  private static JavaDelegate administrationStep() {
    return execution -> {
      if (REFUSE_WITH.get() != null) {
        Decisions.consumed(execution);
        throw new BpmnError(ExportProcess.LEDGER_REFUSED, REFUSE_WITH.get());
      }
      OUTCOMES.committed(execution, "tx-" + execution.getCurrentActivityId());
      Decisions.consumed(execution);
    };
  }

  /** An ECTA review of export {@code exportId}. */
  public static String startReview(String exportId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("exportId", exportId);
    variables.put("stage", "COMPLIANCE");
    variables.put("stageName", "ECTA");
    variables.put("candidateGroup", "ecta");
    variables.put("supervisorGroup", "ecta-supervisors");
    return ENGINE
        .getRuntimeService()
        .startProcessInstanceByKey(ExportProcess.STAGE_REVIEW, exportId, variables)
        .getId();
  }

  /** The open task {@code key} of the process instance. */
  public static Task task(String process, String key) {
    return ENGINE
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(process)
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** {@code user} completes the task, as the engine's authenticated user (Tasklist, the API). */
  public static void completeAs(String user, Task task, Map<String, Object> variables) {
    ENGINE.getIdentityService().setAuthenticatedUserId(user);
    try {
      ENGINE.getTaskService().complete(task.getId(), variables);
    } finally {
      ENGINE.getIdentityService().clearAuthentication();
    }
  }

  /** Runs the ledger step waiting in the process instance (not its timers). */
  public static void runStep(String process) {
    for (var job :
        ENGINE.getManagementService().createJobQuery().processInstanceId(process).list()) {
      if (job.getDuedate() == null || job.getExceptionMessage() != null) {
        try {
          ENGINE.getManagementService().executeJob(job.getId());
        } catch (IllegalStateException e) {
          // a technical failure: the engine keeps the job, with one retry fewer
        }
      }
    }
  }
}
