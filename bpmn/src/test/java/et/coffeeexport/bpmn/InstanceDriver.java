package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * One instance of an administration process (one without called processes) on the in-memory engine,
 * worked as its people and the job executor would: tasks completed with their form fields,
 * asynchronous ledger steps run, timers fired on demand.
 */
final class InstanceDriver {
  static final ProcessEngine ENGINE = ProcessHarness.ENGINE;

  ProcessInstance instance;

  /** Starts {@code key} and runs its asynchronous continuations. */
  InstanceDriver start(String key, String businessKey, Map<String, Object> variables) {
    instance = ENGINE.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables);
    settle();
    return this;
  }

  /** Takes over an instance something else started (a timer). */
  InstanceDriver of(ProcessInstance started) {
    instance = started;
    return this;
  }

  /** The one open task {@code key} of the instance. */
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
        .map(l -> l.getGroupId())
        .toList();
  }

  void complete(Task task, Map<String, Object> variables) {
    ENGINE.getTaskService().complete(task.getId(), variables);
    settle();
  }

  /** When the timer on {@code activityId} is due. */
  Instant timerDue(String activityId) {
    return timer(activityId).getDuedate().toInstant();
  }

  void fireTimer(String activityId) {
    ENGINE.getManagementService().executeJob(timer(activityId).getId());
    settle();
  }

  private org.camunda.bpm.engine.runtime.Job timer(String activityId) {
    var job =
        ENGINE
            .getManagementService()
            .createJobQuery()
            .timers()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("timer on %s", activityId).isNotNull();
    return job;
  }

  /** Runs the asynchronous continuations the instance waits on, as the job executor would. */
  void settle() {
    settle(processInstanceId -> instance.getId().equals(processInstanceId));
  }

  /**
   * Runs the executable asynchronous continuations of the process instances {@code mine} selects
   * (by id), as the job executor would, until none is left; timers wait for their time.
   */
  static void settle(java.util.function.Predicate<String> mine) {
    for (int round = 0; round < 100; round++) {
      var jobs =
          ENGINE.getManagementService().createJobQuery().messages().executable().list().stream()
              .filter(j -> mine.test(j.getProcessInstanceId()))
              .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> ENGINE.getManagementService().executeJob(j.getId()));
    }
    throw new AssertionError("asynchronous continuations did not settle");
  }

  boolean ended() {
    return ENGINE
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult()
        == null;
  }

  boolean passed(String activityId) {
    return ENGINE
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .count()
        > 0;
  }
}
