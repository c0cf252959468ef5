package et.coffeeexport.workflow.documents;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Whether someone holds a task on an export: assigned to them, or offered to one of their groups
 * (the groups the engine resolves through Keycloak, as Tasklist does). The export is the business
 * key, which every called stage review carries too.
 */
@Component
class TaskHolders {
  private final TaskService tasks;
  private final IdentityService identities;

  TaskHolders(TaskService tasks, IdentityService identities) {
    this.tasks = tasks;
    this.identities = identities;
  }

  boolean holdsTaskOn(String username, String exportId) {
    if (tasks.createTaskQuery().processInstanceBusinessKey(exportId).taskAssignee(username).count()
        > 0) {
      return true;
    }
    var groups =
        identities.createGroupQuery().groupMember(username).list().stream()
            .map(Group::getId)
            .toList();
    return !groups.isEmpty()
        && tasks
                .createTaskQuery()
                .processInstanceBusinessKey(exportId)
                .taskCandidateGroupIn(groups)
                .taskUnassigned()
                .count()
            > 0;
  }
}
