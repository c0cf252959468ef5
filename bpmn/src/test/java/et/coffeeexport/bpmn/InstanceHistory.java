package et.coffeeexport.bpmn;

import java.util.List;

/** What the in-memory engine knows of one process instance, running or ended. */
final class InstanceHistory {
  private InstanceHistory() {}

  static boolean ended(String instance) {
    return ProcessHarness.ENGINE
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
        == null;
  }

  /** The end events the instance passed through. */
  static List<String> endEvents(String instance) {
    return ProcessHarness.ENGINE
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance)
        .activityType("noneEndEvent")
        .list()
        .stream()
        .map(a -> a.getActivityId())
        .toList();
  }

  static boolean passed(String instance, String activityId) {
    return ProcessHarness.ENGINE
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance)
            .activityId(activityId)
            .count()
        > 0;
  }
}
