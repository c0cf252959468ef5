package et.coffeeexport.workflow.documents;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Whether someone holds a task on an export: assigned to them, or offered to one of their groups
 * (the groups the engine resolves through Keycloak, as Tasklist does). The export is the business
 * key, which every called stage review carries too (a licence application's process is keyed by the
 * application).
 */
@Component
public class TaskHolders {
  private final TaskService tasks;
  private final IdentityService identities;
  private final RepositoryService repository;

  TaskHolders(TaskService tasks, IdentityService identities, RepositoryService repository) {
    this.tasks = tasks;
    this.identities = identities;
    this.repository = repository;
  }

  /**
   * Whether {@code username} may start the process: one of its candidate starters, themselves or
   * through a group (the engine's own query joins memberships Keycloak does not store).
   */
  boolean mayStart(String username, String processDefinitionId) {
    if (username == null) {
      return false;
    }
    var groups = groupsOf(username);
    return repository.getIdentityLinksForProcessDefinition(processDefinitionId).stream()
        .anyMatch(l -> username.equals(l.getUserId()) || groups.contains(l.getGroupId()));
  }

  /**
   * Whether {@code username} holds the task: its assignee, or a candidate (themselves, or through
   * one of their groups), as Tasklist shows it to them.
   */
  boolean holds(String username, Task task) {
    if (username == null) {
      return false;
    }
    if (username.equals(task.getAssignee())) {
      return true;
    }
    var groups = groupsOf(username);
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .anyMatch(l -> username.equals(l.getUserId()) || groups.contains(l.getGroupId()));
  }

  private List<String> groupsOf(String username) {
    return identities.createGroupQuery().groupMember(username).list().stream()
        .map(Group::getId)
        .toList();
  }

  /**
   * Whether {@code username} holds a task of the process whose business key is {@code exportId}.
   */
  public boolean holdsTaskOn(String username, String exportId) {
    if (tasks.createTaskQuery().processInstanceBusinessKey(exportId).taskAssignee(username).count()
        > 0) {
      return true;
    }
    var groups = groupsOf(username);
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
