package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.workflow.WorkflowSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What became of each person's decision in a task ({@code decision_outcome}): recorded when they
 * complete the task, settled by the ledger step after it: committed with its transaction, or
 * refused with the reason and the task that came back to them. Every write joins the engine's
 * transaction (the completion's, or the step's job), so an outcome never says more than the engine
 * committed. A row's key is the completed task's id, which is also the ledger step's key; a process
 * a person started from its start form has its row too, keyed by the process instance.
 */
@Component
public class DecisionOutcomes {
  /**
   * Where a decision stands in the table: the step has not settled, committed, was refused, or had
   * nothing left to write (a withdrawal of what was never proposed).
   */
  public enum State {
    PENDING,
    COMMITTED,
    REFUSED,
    RECORDED
  }

  /** One decision and what the table knows of it. */
  public record Outcome(
      String taskId,
      String processInstanceId,
      String taskDefinitionKey,
      String taskName,
      String decidedBy,
      Set<String> steps,
      State state,
      String transactionId,
      String exportStatus,
      String reason,
      String returnedTaskId,
      Instant decidedAt) {}

  private final JdbcTemplate jdbc;

  /** The table is the workflow's ({@link WorkflowSchema}), migrated when the application starts. */
  DecisionOutcomes(DataSource db) {
    this.jdbc = new JdbcTemplate(db);
  }

  /** {@code username} completed the task; its decision goes to the ledger in {@code steps}. */
  void decided(
      String taskId,
      String processInstanceId,
      String taskDefinitionKey,
      String taskName,
      String username,
      Set<String> steps) {
    jdbc.update(
        "INSERT INTO decision_outcome (task_id, process_instance_id, task_definition_key,"
            + " task_name, decided_by, steps) VALUES (?,?,?,?,?,?)",
        taskId,
        processInstanceId,
        taskDefinitionKey,
        taskName,
        username,
        String.join(",", steps));
  }

  /** The ledger step keyed {@code stepKey} (the completed task's id) committed the decision. */
  void committed(String stepKey, String transactionId, String exportStatus) {
    if (stepKey == null) {
      return;
    }
    jdbc.update(
        "UPDATE decision_outcome SET state = 'COMMITTED', transaction_id = ?, export_status = ?,"
            + " settled_at = now() WHERE task_id = ? AND state = 'PENDING'",
        transactionId,
        exportStatus,
        stepKey);
  }

  /**
   * The administration step being executed committed its decision in {@code transactionId}: the
   * decision that led to this step (the task completed before it, or the start that opened the
   * process) says so.
   */
  public void committed(DelegateExecution step, String transactionId) {
    committed(step, transactionId, null);
  }

  /** As {@link #committed(DelegateExecution, String)}, for a step that moved an export. */
  public void committed(DelegateExecution step, String transactionId, String exportStatus) {
    Object marked = step.getVariable(LedgerActors.stepKey(step.getCurrentActivityId()));
    jdbc.update(
        "UPDATE decision_outcome SET state = 'COMMITTED', transaction_id = ?, export_status = ?,"
            + " settled_at = now()"
            + " WHERE task_id = ? AND state = 'PENDING' AND ',' || steps || ',' LIKE ?",
        transactionId,
        exportStatus,
        marked == null ? step.getProcessInstanceId() : marked.toString(),
        "%," + step.getCurrentActivityId() + ",%");
  }

  /**
   * The ledger step being executed had nothing left to write: the decision behind it is recorded,
   * and the person who took it is not told that the ledger committed anything.
   */
  public void nothingWritten(DelegateExecution step) {
    String stepKey = Decisions.stepKey(step);
    if (stepKey == null) {
      return;
    }
    jdbc.update(
        "UPDATE decision_outcome SET state = 'RECORDED', settled_at = now()"
            + " WHERE task_id = ? AND state = 'PENDING'",
        stepKey);
  }

  /**
   * The ledger refused {@code step} of the process instance: the latest decision in it that led to
   * that step is refused, with the reason.
   */
  void refused(String processInstanceId, String step, String reason) {
    latestLeadingTo(processInstanceId, step)
        .ifPresent(
            taskId ->
                jdbc.update(
                    "UPDATE decision_outcome SET state = 'REFUSED', reason = ?, settled_at = now()"
                        + " WHERE task_id = ?",
                    reason,
                    taskId));
  }

  /**
   * The task created again for the decision the ledger refused: the refused decision of the same
   * task in the process instance that no task came back for yet. Empty when this task is not one
   * that came back.
   */
  Optional<Outcome> returnedAs(String processInstanceId, String taskDefinitionKey, String taskId) {
    Optional<Outcome> refused =
        jdbc
            .query(
                "SELECT * FROM decision_outcome WHERE process_instance_id = ?"
                    + " AND task_definition_key = ? AND state = 'REFUSED'"
                    + " AND returned_task_id IS NULL ORDER BY decided_at DESC",
                DecisionOutcomes::outcome,
                processInstanceId,
                taskDefinitionKey)
            .stream()
            .findFirst();
    refused.ifPresent(
        o ->
            jdbc.update(
                "UPDATE decision_outcome SET returned_task_id = ? WHERE task_id = ?",
                taskId,
                o.taskId()));
    return refused;
  }

  /**
   * The newest refused decision of the process instance that led to one of {@code steps} and that
   * no task came back for yet came back as {@code taskId}, a task of another name (an
   * administration process's revision).
   */
  void revisedIn(String processInstanceId, Set<String> steps, String taskId) {
    jdbc
        .query(
            "SELECT * FROM decision_outcome WHERE process_instance_id = ?"
                + " AND state = 'REFUSED' AND returned_task_id IS NULL ORDER BY decided_at DESC",
            DecisionOutcomes::outcome,
            processInstanceId)
        .stream()
        .filter(o -> o.steps().stream().anyMatch(steps::contains))
        .findFirst()
        .ifPresent(
            refused ->
                jdbc.update(
                    "UPDATE decision_outcome SET returned_task_id = ? WHERE task_id = ?",
                    taskId,
                    refused.taskId()));
  }

  /** The decision taken in the task {@code taskId}, if someone completed it. */
  public Optional<Outcome> of(String taskId) {
    return jdbc
        .query(
            "SELECT * FROM decision_outcome WHERE task_id = ?", DecisionOutcomes::outcome, taskId)
        .stream()
        .findFirst();
  }

  /**
   * The newest process {@code username} started at {@code startEventId} in the last two minutes: a
   * start form asks for it after "Start", since Tasklist keeps the new instance's id to itself.
   */
  public Optional<Outcome> latestStart(String startEventId, String username) {
    return jdbc
        .query(
            "SELECT * FROM decision_outcome WHERE task_id = process_instance_id"
                + " AND task_definition_key = ? AND decided_by = ?"
                + " AND decided_at > now() - interval '2 minutes' ORDER BY decided_at DESC LIMIT 1",
            DecisionOutcomes::outcome,
            startEventId,
            username)
        .stream()
        .findFirst();
  }

  /** The refused decision that {@code taskId} came back for, if it is such a task. */
  public Optional<Outcome> cameBackFor(String taskId) {
    return jdbc
        .query(
            "SELECT * FROM decision_outcome WHERE returned_task_id = ?",
            DecisionOutcomes::outcome,
            taskId)
        .stream()
        .findFirst();
  }

  /**
   * When the next decision after {@code outcome} was taken in its process instance, if one was: the
   * steps of a decision run before another can be taken there, so it bounds where the engine's
   * history may show them.
   */
  public Optional<Instant> nextDecisionAfter(Outcome outcome) {
    return jdbc
        .query(
            "SELECT decided_at FROM decision_outcome WHERE process_instance_id = ?"
                + " AND decided_at > ? ORDER BY decided_at",
            (rs, i) -> rs.getTimestamp(1).toInstant(),
            outcome.processInstanceId(),
            java.sql.Timestamp.from(outcome.decidedAt()))
        .stream()
        .findFirst();
  }

  private Optional<String> latestLeadingTo(String processInstanceId, String step) {
    return jdbc
        .query(
            "SELECT * FROM decision_outcome WHERE process_instance_id = ?"
                + " AND state <> 'REFUSED' ORDER BY decided_at DESC",
            DecisionOutcomes::outcome,
            processInstanceId)
        .stream()
        .filter(o -> o.steps().contains(step))
        .map(Outcome::taskId)
        .findFirst();
  }

  private static Outcome outcome(ResultSet rs, int row) throws SQLException {
    String steps = rs.getString("steps");
    return new Outcome(
        rs.getString("task_id"),
        rs.getString("process_instance_id"),
        rs.getString("task_definition_key"),
        rs.getString("task_name"),
        rs.getString("decided_by"),
        steps.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(steps.split(","))),
        State.valueOf(rs.getString("state")),
        rs.getString("transaction_id"),
        rs.getString("export_status"),
        rs.getString("reason"),
        rs.getString("returned_task_id"),
        rs.getTimestamp("decided_at").toInstant());
  }
}
