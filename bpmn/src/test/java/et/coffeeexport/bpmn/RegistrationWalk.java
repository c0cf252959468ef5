package et.coffeeexport.bpmn;

import et.coffeeexport.domain.Actor;
import et.coffeeexport.domain.ApplicationDecision;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.ApplicationStatus;
import et.coffeeexport.domain.ApplicationTransition;
import et.coffeeexport.domain.LicenceApplications;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RegistryAction;
import et.coffeeexport.domain.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The registration model walked against the licence applications' state machine, for each kind of
 * application: every registry step is a transition the chaincode accepts from where the application
 * stands, signed by whom the model gives the work to (the applicant for the application itself, the
 * task's candidate organisation for a decision); a refused step writes nothing, so its error
 * boundary is walked from the state before it.
 */
final class RegistrationWalk {
  private final BpmnModelInstance model =
      Bpmn.readModelFromStream(
          RegistrationWalk.class
              .getClassLoader()
              .getResourceAsStream("processes/exporter-registration.bpmn"));
  final List<String> violations = new ArrayList<>();
  final Set<String> reached = new TreeSet<>();
  private final Set<String> visited = new HashSet<>();

  /** The models name flows by source and target only, and boundary events by their host. */
  private final Map<FlowNode, List<SequenceFlow>> outgoing =
      model.getModelElementsByType(SequenceFlow.class).stream()
          .collect(Collectors.groupingBy(SequenceFlow::getSource));

  private final Map<FlowNode, List<BoundaryEvent>> boundaries =
      model.getModelElementsByType(BoundaryEvent.class).stream()
          .collect(Collectors.groupingBy(b -> (FlowNode) b.getAttachedTo()));

  RegistrationWalk walkEveryKind() {
    StartEvent start = model.getModelElementsByType(StartEvent.class).iterator().next();
    for (ApplicationKind kind : ApplicationKind.values()) {
      walk(start, null, kind, null);
    }
    return this;
  }

  /** Every transition the state machine allows, as {@link #reached} names them. */
  static Set<String> allowed() {
    Set<String> allowed = new TreeSet<>();
    for (ApplicationTransition t : LicenceApplications.transitions()) {
      allowed.add(key(t.from(), t.kind(), t.action(), t.organisation()));
    }
    return allowed;
  }

  private void walk(FlowNode node, ApplicationStatus status, ApplicationKind kind, Actor worker) {
    if (!visited.add(node.getId() + "|" + status + "|" + kind + "|" + worker)) {
      return;
    }
    if (node instanceof UserTask task) {
      worker = workerOf(task);
    }
    // Timers, and a refused step's error (a refusal writes nothing), lead on from where the
    // application stood before the activity.
    for (BoundaryEvent b : boundaries.getOrDefault(node, List.of())) {
      walk(b, status, kind, worker);
    }
    String registryAction =
        node instanceof ServiceTask service
            ? DualEnforcementTest.property(service, ExportProcess.REGISTRY_ACTION)
            : null;
    if (registryAction != null) {
      RegistryAction action = RegistryAction.valueOf(registryAction);
      Actor actor =
          action == RegistryAction.APPLY
              ? new Actor(Organisation.COMMERCIAL_BANK, Role.EXPORTER)
              : worker;
      ApplicationDecision d = LicenceApplications.decide(status, kind, action, actor);
      if (d instanceof ApplicationDecision.Rejected r) {
        violations.add(
            node.getId()
                + ": "
                + action
                + " of a "
                + kind
                + " by "
                + actor
                + " from "
                + status
                + " -> "
                + r.code());
        return;
      }
      reached.add(key(status, kind, action, actor.organisation()));
      status = ((ApplicationDecision.Accepted) d).next();
    }
    for (SequenceFlow flow : outgoing.getOrDefault(node, List.of())) {
      if (holds(flow, kind)) {
        walk(flow.getTarget(), status, kind, worker);
      }
    }
  }

  /** A branch on the application's kind holds for that kind only; any other for every path. */
  private static boolean holds(SequenceFlow flow, ApplicationKind kind) {
    String condition =
        flow.getConditionExpression() == null
            ? ""
            : flow.getConditionExpression().getTextContent().trim();
    return !condition.contains(ExportProcess.Registration.APPLICATION_KIND)
        || condition.contains("'" + kind + "'");
  }

  /** The organisation (and role) whose people the task is offered to. */
  private static Actor workerOf(UserTask task) {
    String group = task.getCamundaCandidateGroups();
    Role role = group.endsWith("-supervisors") ? Role.SUPERVISOR : Role.OFFICER;
    return new Actor(
        Organisation.ofRealmGroup(group.replace("-supervisors", "")).orElseThrow(), role);
  }

  private static String key(
      ApplicationStatus from, ApplicationKind kind, RegistryAction action, Organisation by) {
    return from + " " + kind + " --" + action + "--> by " + by;
  }
}
