package et.coffeeexport.workflow.lifecycle;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service levels of officer tasks: the due date Tasklist shows, and the escalation when it passes:
 * the organisation's supervisors become candidates too, and the task rises to the top.
 */
@Configuration
class ServiceLevels {
  static final String SUPERVISORS = "-supervisors";
  static final int ESCALATED_PRIORITY = 100;

  @Bean
  TaskListener taskServiceLevel() {
    return (DelegateTask task) -> {
      Object level = task.getVariable("serviceLevel");
      if (level != null) {
        task.setDueDate(
            Date.from(task.getCreateTime().toInstant().plus(Duration.parse(level.toString()))));
      }
    };
  }

  @Bean
  JavaDelegate escalateToSupervisors(TaskService tasks) {
    return execution -> {
      String escalation = execution.getCurrentActivityId();
      String overdue =
          escalation.equals("EscalateToSupervisors")
              ? "Review"
              : escalation.replace("Escalation", "");
      for (var task :
          tasks
              .createTaskQuery()
              .processInstanceId(execution.getProcessInstanceId())
              .taskDefinitionKey(overdue)
              .list()) {
        for (var link : tasks.getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType())
              && link.getGroupId() != null
              && !link.getGroupId().endsWith(SUPERVISORS)) {
            tasks.addCandidateGroup(task.getId(), link.getGroupId() + SUPERVISORS);
          }
        }
        tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
      }
    };
  }
}
