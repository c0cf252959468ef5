package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.Actor;
import et.coffeeexport.domain.Decision;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.Stage;
import et.coffeeexport.domain.Transition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;

/**
 * One state machine, two enforcers: every path through the BPMN model is a sequence of transitions
 * the export state machine accepts, taken by the organisation the model gives the work to; and
 * every transition the state machine allows is reachable in the model.
 */
class DualEnforcementTest {
  private static final int MAX_ROUNDS = 3;
  private final BpmnModelInstance model = read("processes/export-lifecycle.bpmn");
  private final List<String> violations = new ArrayList<>();
  private final Set<String> reached = new TreeSet<>();
  private final Set<String> visited = new HashSet<>();

  @Test
  void everyPathOfTheModelIsAcceptedAndEveryTransitionIsReachable() {
    StartEvent start = model.getModelElementById("ExportSubmitted");
    for (boolean fourEyes : new boolean[] {false, true}) {
      walk(start, null, fourEyes, null, false);
    }
    assertThat(violations).as("model paths the state machine refuses").isEmpty();
    Set<String> allowed = new TreeSet<>();
    for (Transition t : ExportLifecycle.transitions()) {
      allowed.add(key(t.from(), t.action(), t.organisation()));
    }
    assertThat(reached).as("transitions taken by the model").isEqualTo(allowed);
  }

  /**
   * The rule-set change, against the domain's rule ({@code RuleSetChange}) the chaincode enforces:
   * on every path a proposal is signed by someone who may propose (the ECTA officer who started it,
   * or who completed the task before it), a co-signature by a National Bank supervisor of another
   * organisation than the proposer and only after a proposal, a withdrawal by someone who may
   * propose, and the path that ends co-signed ends with a co-signature; every step is reachable.
   */
  @Test
  void everyPathOfTheRuleSetChangeSignsAsTheLedgerRequires() {
    BpmnModelInstance change = read("processes/rule-set-change.bpmn");
    var process = change.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class);
    String starters = process.iterator().next().getCamundaCandidateStarterGroups();
    Set<String> steps = new TreeSet<>();
    List<String> refused = new ArrayList<>();
    for (StartEvent start : change.getModelElementsByType(StartEvent.class)) {
      walkChange(change, start, workerOf(starters), null, null, steps, refused, new HashSet<>());
    }
    assertThat(refused).as("rule-set steps the ledger would refuse").isEmpty();
    assertThat(steps).containsExactly("COSIGN", "PROPOSE", "WITHDRAW");
  }

  /**
   * Follows the rule-set change from {@code node}: {@code worker} decided last, {@code proposer}
   * signed the proposal on the ledger (null before one), {@code last} is the last ledger step.
   */
  private void walkChange(
      BpmnModelInstance change,
      FlowNode node,
      Actor worker,
      Actor proposer,
      String last,
      Set<String> steps,
      List<String> refused,
      Set<String> seen) {
    if (!seen.add(node.getId() + "|" + worker + "|" + proposer + "|" + last)) {
      return;
    }
    if (node instanceof UserTask task) {
      worker = workerOf(task);
    }
    String action =
        node instanceof ServiceTask service
            ? property(service, ExportProcess.RULE_SET_ACTION)
            : null;
    if (action != null) {
      steps.add(action);
      // A withdrawal is ECTA's, as the proposal is; with nothing pending it takes nothing back.
      boolean accepted =
          action.equals("PROPOSE") || action.equals("WITHDRAW")
              ? et.coffeeexport.domain.RuleSetChange.mayPropose(worker)
              : proposer != null
                  && et.coffeeexport.domain.RuleSetChange.mayCosign(worker)
                  && worker.organisation() != proposer.organisation();
      if (!accepted) {
        refused.add(node.getId() + ": " + action + " by " + worker + " after " + proposer);
        return;
      }
      // A refused step returns through its boundary event, signed by nobody new.
      for (BoundaryEvent b : boundariesIn(change, node)) {
        for (SequenceFlow f : outgoingIn(change, b)) {
          walkChange(change, f.getTarget(), worker, proposer, last, steps, refused, seen);
        }
      }
      proposer = action.equals("PROPOSE") ? worker : proposer;
      last = action;
    }
    if (node instanceof EndEvent end
        && end.getId().equals("RuleSetCosigned")
        && !"COSIGN".equals(last)) {
      refused.add(end.getId() + " reached without a co-signature");
    }
    if (node instanceof UserTask) {
      for (BoundaryEvent b : boundariesIn(change, node)) {
        for (SequenceFlow f : outgoingIn(change, b)) {
          walkChange(change, f.getTarget(), worker, proposer, last, steps, refused, seen);
        }
      }
    }
    for (SequenceFlow flow : outgoingIn(change, node)) {
      walkChange(change, flow.getTarget(), worker, proposer, last, steps, refused, seen);
    }
  }

  private static List<SequenceFlow> outgoingIn(BpmnModelInstance in, FlowNode node) {
    return in.getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getSource() == node)
        .toList();
  }

  private static List<BoundaryEvent> boundariesIn(BpmnModelInstance in, FlowNode host) {
    return in.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() == host)
        .toList();
  }

  /** Who a candidate (starter) group's member is: an officer, or a supervisor. */
  private static Actor workerOf(String group) {
    boolean supervisors = group.endsWith("-supervisors");
    String org = supervisors ? group.substring(0, group.length() - "-supervisors".length()) : group;
    return new Actor(
        Organisation.valueOf(org.toUpperCase().replace('-', '_')),
        supervisors ? Role.SUPERVISOR : Role.OFFICER);
  }

  /**
   * The same for the registration process: every path is accepted by the licence applications'
   * state machine, by whom the model gives the work to, and every transition it allows is taken.
   */
  @Test
  void everyPathOfTheRegistrationModelIsAcceptedAndEveryTransitionIsReachable() {
    RegistrationWalk walk = new RegistrationWalk().walkEveryKind();
    assertThat(walk.violations).as("registration paths the state machine refuses").isEmpty();
    assertThat(walk.reached)
        .as("application transitions taken by the model")
        .isEqualTo(RegistrationWalk.allowed());
  }

  /** Follows the model from {@code node} with the export in {@code state}. */
  private void walk(
      FlowNode node, ExportState state, boolean fourEyes, Actor lastWorker, boolean side) {
    if (!visited.add(node.getId() + "|" + state + "|" + fourEyes + "|" + lastWorker + "|" + side)) {
      return;
    }
    if (node instanceof UserTask task) {
      lastWorker = workerOf(task);
      cancellations(state);
      sideBranches(task, state, fourEyes, lastWorker, side);
      watches(task, state, fourEyes);
    }
    if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
      sideBranches(sub, state, fourEyes, lastWorker, side);
      StartEvent inner = sub.getChildElementsByType(StartEvent.class).iterator().next();
      walk(inner, state, fourEyes, lastWorker, side);
      return;
    }
    if (node instanceof EndEvent end) {
      leave(end, state, fourEyes, lastWorker, side);
      return;
    }
    if (node instanceof CallActivity review) {
      cancellations(state);
      watches(review, state, fourEyes);
      review(review, state, fourEyes, side);
      return;
    }
    if (node instanceof ServiceTask service && ledgerAction(service) != null) {
      ExportAction action = ExportAction.valueOf(ledgerAction(service));
      Actor actor = actorOf(action, lastWorker);
      ExportState next = take(state, action, actor, service.getId());
      if (next == null) {
        return;
      }
      state = next;
    }
    for (SequenceFlow flow : outgoing(node)) {
      if (holds(flow, state, fourEyes)) {
        walk(flow.getTarget(), state, fourEyes, lastWorker, side);
      }
    }
  }

  /** The stage review: approved, returned or rejected, each one transition of that stage. */
  private void review(CallActivity call, ExportState state, boolean fourEyes, boolean side) {
    Stage stage = Stage.valueOf(property(call, "stage"));
    Actor officer = new Actor(stage.responsible(), Role.OFFICER);
    boolean recommendation = fourEyes && "fourEyes".equals(property(call, "recommendationWhen"));
    for (String outcome : List.of("APPROVED", "RETURNED", "REJECTED")) {
      ExportState next =
          switch (outcome) {
            case "APPROVED" ->
                recommendation
                    ? take(state, ExportAction.RECOMMEND_FOREIGN_EXCHANGE, officer, call.getId())
                    : take(
                        state,
                        ExportAction.valueOf(property(call, ExportProcess.APPROVE_ACTION)),
                        officer,
                        call.getId());
            case "RETURNED" ->
                take(state, ExportAction.RETURN_FOR_AMENDMENT, officer, call.getId());
            default -> take(state, ExportAction.REJECT, officer, call.getId());
          };
      if (next == null) {
        continue;
      }
      for (SequenceFlow flow : outgoing(call)) {
        FlowNode gateway = flow.getTarget();
        for (SequenceFlow branch : outgoing(gateway)) {
          String condition = condition(branch);
          if (condition.contains("'" + outcome + "'")) {
            walk(branch.getTarget(), next, fourEyes, officer, side);
          }
        }
      }
    }
  }

  /** Leaving a sub-process normally, or through its boundary error event. */
  private void leave(
      EndEvent end, ExportState state, boolean fourEyes, Actor lastWorker, boolean side) {
    if (side || !(end.getParentElement() instanceof SubProcess sub) || sub.triggeredByEvent()) {
      return;
    }
    boolean error =
        !end.getEventDefinitions().isEmpty()
            && end.getEventDefinitions().iterator().next() instanceof ErrorEventDefinition;
    if (error) {
      for (BoundaryEvent b : boundaries(sub)) {
        if (b.getEventDefinitions().iterator().next() instanceof ErrorEventDefinition) {
          outgoing(b).forEach(f -> walk(f.getTarget(), state, fourEyes, lastWorker, side));
        }
      }
      return;
    }
    // A terminate end event inside a sub-process ends only that sub-process (and its watches).
    boolean terminate =
        !end.getEventDefinitions().isEmpty()
            && end.getEventDefinitions().iterator().next() instanceof TerminateEventDefinition;
    if (sub.getParentElement() instanceof SubProcess
        || end.getEventDefinitions().isEmpty()
        || terminate) {
      outgoing(sub).forEach(f -> walk(f.getTarget(), state, fourEyes, lastWorker, side));
    }
  }

  /**
   * Non-interrupting timers and messages on a task or sub-process: their branches run from the
   * state the export is in; a branch that moves the export (arrival) moves the waiting work too.
   */
  private void sideBranches(
      FlowNode host, ExportState state, boolean fourEyes, Actor worker, boolean side) {
    for (BoundaryEvent b : boundaries(host)) {
      if (b.cancelActivity()) {
        continue;
      }
      boolean message = b.getEventDefinitions().iterator().next() instanceof MessageEventDefinition;
      Actor actor = message ? new Actor(Organisation.SHIPPING_LINE, Role.OFFICER) : worker;
      for (SequenceFlow f : outgoing(b)) {
        FlowNode target = f.getTarget();
        if (target instanceof ServiceTask s && ledgerAction(s) != null) {
          ExportAction action = ExportAction.valueOf(ledgerAction(s));
          // The API correlates a message only when the state machine allows its action now.
          if (message && !ExportLifecycle.decide(state, action, actor, MAX_ROUNDS).isAccepted()) {
            continue;
          }
          ExportState next = take(state, action, actorOf(action, actor), s.getId());
          if (next != null && !next.equals(state)) {
            walk(host, next, fourEyes, worker, side);
          }
        } else {
          walk(target, state, fourEyes, actor, true);
        }
      }
    }
  }

  /**
   * Watches: a branch a parallel gateway forks inside a sub-process that can never end it normally
   * (the shipment deadline's watch) runs beside the other branches until they end the sub-process.
   * So wherever the export waits inside that sub-process, the watch may act, in that state.
   */
  private void watches(FlowNode waiting, ExportState state, boolean fourEyes) {
    for (var scope = waiting.getParentElement();
        scope instanceof SubProcess sub && !sub.triggeredByEvent();
        scope = scope.getParentElement()) {
      for (FlowNode watch : watchesOf((SubProcess) scope)) {
        walk(watch, state, fourEyes, null, false);
      }
    }
  }

  /** The first node of each watch branch of {@code sub}. */
  private List<FlowNode> watchesOf(SubProcess sub) {
    List<FlowNode> watches = new ArrayList<>();
    for (ParallelGateway fork : sub.getChildElementsByType(ParallelGateway.class)) {
      for (SequenceFlow branch : outgoing(fork)) {
        if (!endsNormally(branch.getTarget(), sub, new HashSet<>())) {
          watches.add(branch.getTarget());
        }
      }
    }
    return watches;
  }

  /** Whether the sequence flows from {@code node} reach an end event that completes {@code sub}. */
  private boolean endsNormally(FlowNode node, SubProcess sub, Set<String> seen) {
    if (!seen.add(node.getId())) {
      return false;
    }
    if (node instanceof EndEvent end && end.getParentElement() == sub) {
      return end.getEventDefinitions().isEmpty()
          || end.getEventDefinitions().iterator().next() instanceof TerminateEventDefinition;
    }
    return outgoing(node).stream().anyMatch(f -> endsNormally(f.getTarget(), sub, seen));
  }

  /** Who signs {@code action} when the model reaches it after {@code worker}'s task. */
  private static Actor actorOf(ExportAction action, Actor worker) {
    return switch (action) {
      case SUBMIT, AMEND -> exporter();
      // No one completes a task there: the bank's accountable supervisor signs (workflow).
      case MARK_REPATRIATION_OVERDUE -> new Actor(Organisation.NATIONAL_BANK, Role.SUPERVISOR);
      // ECTA's overdue-shipment decision: its officer signs the extension or the cancellation.
      default -> worker;
    };
  }

  /** Wherever the export waits, the cancellation event sub-process may be triggered. */
  private void cancellations(ExportState state) {
    for (Actor actor :
        List.of(
            exporter(),
            new Actor(Organisation.ECTA, Role.OFFICER),
            new Actor(Organisation.NATIONAL_BANK, Role.OFFICER))) {
      Decision d = ExportLifecycle.decide(state, ExportAction.CANCEL, actor, MAX_ROUNDS);
      if (d instanceof Decision.Accepted) {
        reached.add(key(state.status(), ExportAction.CANCEL, actor.organisation()));
      }
    }
  }

  /** Takes a transition; null when the path ends here (a rule refused it, as the ledger would). */
  private ExportState take(ExportState state, ExportAction action, Actor actor, String where) {
    Decision d = ExportLifecycle.decide(state, action, actor, MAX_ROUNDS);
    if (d instanceof Decision.Accepted accepted) {
      reached.add(key(state == null ? null : state.status(), action, actor.organisation()));
      if (action == ExportAction.AMEND && accepted.next() == null) {
        return null;
      }
      return accepted.next();
    }
    Decision.Rejected r = (Decision.Rejected) d;
    if (r.code() != RefusalCode.AMENDMENT_ROUNDS_EXCEEDED) {
      violations.add(where + ": " + action + " by " + actor + " from " + state + " -> " + r.code());
    }
    return null;
  }

  private boolean holds(SequenceFlow flow, ExportState state, boolean fourEyes) {
    String condition = condition(flow);
    if (condition.isEmpty()) {
      return true;
    }
    if (condition.equals("${fourEyes}")) {
      return fourEyes;
    }
    if (condition.equals("${!fourEyes}")) {
      return !fourEyes;
    }
    return true;
  }

  private Actor workerOf(UserTask task) {
    if (task.getCamundaAssignee() != null) {
      return exporter();
    }
    String group = task.getCamundaCandidateGroups();
    boolean supervisors = group.endsWith("-supervisors");
    String org = supervisors ? group.substring(0, group.length() - "-supervisors".length()) : group;
    return new Actor(
        Organisation.valueOf(org.toUpperCase().replace('-', '_')),
        supervisors ? Role.SUPERVISOR : Role.OFFICER);
  }

  private static Actor exporter() {
    return new Actor(Organisation.COMMERCIAL_BANK, Role.EXPORTER);
  }

  /** Flows leaving {@code node} (the models name flows by source and target only). */
  private List<SequenceFlow> outgoing(FlowNode node) {
    return model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getSource() == node)
        .toList();
  }

  private List<BoundaryEvent> boundaries(FlowNode host) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() == host)
        .toList();
  }

  private static String condition(SequenceFlow flow) {
    return flow.getConditionExpression() == null
        ? ""
        : flow.getConditionExpression().getTextContent().trim();
  }

  private static String ledgerAction(ServiceTask task) {
    return property(task, ExportProcess.LEDGER_ACTION);
  }

  static String property(FlowNode node, String name) {
    if (node.getExtensionElements() == null) {
      return null;
    }
    return node
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(p -> p.getCamundaValue())
        .findFirst()
        .orElse(null);
  }

  private static String key(Object from, ExportAction action, Organisation by) {
    return from + " --" + action + "--> by " + by;
  }

  private static BpmnModelInstance read(String resource) {
    return Bpmn.readModelFromStream(
        DualEnforcementTest.class.getClassLoader().getResourceAsStream(resource));
  }

  // --- The regulators' administration processes: the registry's and the lifecycle's rules ----

  /**
   * The standing processes offer exactly the changes the registry allows each organisation (ECTA:
   * suspend, ban, reinstate; National Bank: mark and clear the delinquency), and each takes the
   * signatures the registry demands: a change that needs a co-signature is proposed by an officer
   * and taken by a supervisor of the same organisation, one that needs none by the officer alone.
   */
  @Test
  void theStandingProcessesOfferTheRegistrysChangesWithTheSignaturesItDemands() {
    Set<String> offered = new TreeSet<>();
    for (String resource :
        List.of("processes/exporter-standing.bpmn", "processes/exporter-delinquency.bpmn")) {
      BpmnModelInstance admin = read(resource);
      Organisation org = starterOrganisation(admin);
      StartEvent start = admin.getModelElementsByType(StartEvent.class).iterator().next();
      for (String value : enumValues(start, ExportProcess.STANDING)) {
        ExporterStanding to = ExporterStanding.valueOf(value);
        Set<Boolean> cosigned = new HashSet<>();
        for (ExporterStanding from : ExporterStanding.values()) {
          if (from.mayBecome(to, org)) {
            cosigned.add(from.needsCosignature(to));
          }
        }
        assertThat(cosigned).as("%s may make %s from one rule of signatures", org, to).hasSize(1);
        List<String> expected =
            cosigned.contains(true)
                ? List.of("PROPOSE by OFFICER of " + org, "CHANGE by SUPERVISOR of " + org)
                : List.of("CHANGE by OFFICER of " + org);
        assertThat(adminSteps(admin, start, Map.of(ExportProcess.STANDING, value), org))
            .as("%s: %s", resource, to)
            .isEqualTo(expected);
        offered.add(org + " -> " + to);
      }
      everyStepReturnsItsRefusalToAPerson(admin);
    }
    Set<String> allowed = new TreeSet<>();
    for (Organisation org : Organisation.values()) {
      for (ExporterStanding from : ExporterStanding.values()) {
        for (ExporterStanding to : ExporterStanding.values()) {
          if (from.mayBecome(to, org)) {
            allowed.add(org + " -> " + to);
          }
        }
      }
    }
    assertThat(offered).as("standing changes the processes offer").isEqualTo(allowed);
  }

  /** ECTA keeps the blacklist: both changes offered, each by the ECTA officer who started it. */
  @Test
  void theBlacklistIsKeptByEctaOfficers() {
    BpmnModelInstance admin = read("processes/buyer-blacklist.bpmn");
    assertThat(starterOrganisation(admin)).isEqualTo(Organisation.ECTA);
    StartEvent start = admin.getModelElementsByType(StartEvent.class).iterator().next();
    Map<String, String> steps = Map.of("BLACKLIST", "ADD", "REMOVE", "REMOVE");
    for (String change : enumValues(start, ExportProcess.BLACKLIST_CHANGE)) {
      assertThat(
              adminSteps(
                  admin, start, Map.of(ExportProcess.BLACKLIST_CHANGE, change), Organisation.ECTA))
          .containsExactly(steps.get(change) + " by OFFICER of ECTA");
    }
    everyStepReturnsItsRefusalToAPerson(admin);
  }

  /**
   * A cancellation for cause is the lifecycle's CANCEL by an officer of each organisation that may
   * start it, accepted in every status the state machine lets ECTA and National Bank cancel in and
   * refused (back to the officer) in every other: after shipment above all. The lifecycle's own
   * cancellation records the same action, so the handover is a replay of one decision.
   */
  @Test
  void aCancellationForCauseIsTheStateMachinesCancellationByTheRegulators() {
    BpmnModelInstance admin = read("processes/cancellation-for-cause.bpmn");
    StartEvent start = admin.getModelElementsByType(StartEvent.class).iterator().next();
    Set<Organisation> starters = new TreeSet<>();
    for (String group : starterGroups(admin)) {
      Organisation org = organisationOf(group);
      starters.add(org);
      assertThat(adminSteps(admin, start, Map.of(), org))
          .containsExactly(ExportAction.CANCEL + " by OFFICER of " + org);
    }
    assertThat(starters)
        .isEqualTo(
            ExportLifecycle.organisationsCancelling().stream()
                .filter(o -> o != Organisation.COMMERCIAL_BANK)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    for (Organisation org : starters) {
      Actor officer = new Actor(org, Role.OFFICER);
      for (var status : et.coffeeexport.domain.ExportStatus.values()) {
        boolean accepted =
            ExportLifecycle.decide(
                    new ExportState(status, null, 0), ExportAction.CANCEL, officer, MAX_ROUNDS)
                .isAccepted();
        boolean shippedOrAfter =
            EnumSet.of(
                    et.coffeeexport.domain.ExportStatus.SHIPPED,
                    et.coffeeexport.domain.ExportStatus.ARRIVED,
                    et.coffeeexport.domain.ExportStatus.COMPLETED,
                    et.coffeeexport.domain.ExportStatus.REJECTED,
                    et.coffeeexport.domain.ExportStatus.CANCELLED)
                .contains(status);
        assertThat(accepted).as("%s cancels an export %s", org, status).isEqualTo(!shippedOrAfter);
      }
    }
    everyStepReturnsItsRefusalToAPerson(admin);
    ServiceTask lifecycleStep = model.getModelElementById(ExportProcess.RECORD_CANCELLATION);
    assertThat(ledgerAction(lifecycleStep)).isEqualTo(ExportAction.CANCEL.name());
  }

  /**
   * The ledger steps a process takes from its start with {@code variables}, each with who signs it:
   * the officer who started it, or the group of the task completed before it. Decisions in tasks
   * take the way that goes on (co-sign); refusals and escalations are not followed.
   */
  private static List<String> adminSteps(
      BpmnModelInstance admin, FlowNode start, Map<String, String> variables, Organisation org) {
    List<String> steps = new ArrayList<>();
    Map<String, String> bound = new java.util.HashMap<>(variables);
    bound.put(ExportProcess.DECISION, ExportProcess.Cosignature.COSIGN.name());
    String signer = "OFFICER of " + org;
    Set<String> seen = new HashSet<>();
    FlowNode node = start;
    while (node != null && seen.add(node.getId())) {
      if (node instanceof UserTask task) {
        String group = task.getCamundaCandidateGroups();
        signer =
            (group != null && group.endsWith("-supervisors") ? "SUPERVISOR" : "OFFICER")
                + " of "
                + organisationOf(group == null ? "" : group.replace("-supervisors", ""));
      }
      if (node instanceof ServiceTask service) {
        for (String name :
            List.of(
                ExportProcess.LEDGER_ACTION,
                ExportProcess.STANDING_ACTION,
                ExportProcess.BLACKLIST_ACTION)) {
          String action = property(service, name);
          if (action != null) {
            steps.add(action + " by " + signer);
          }
        }
      }
      FlowNode next = null;
      for (SequenceFlow flow : outgoingIn(admin, node)) {
        if (holdsFor(flow, bound)) {
          next = flow.getTarget();
        }
      }
      node = next;
    }
    return steps;
  }

  /** Every ledger step's refusal goes to a task of a person (the proposer, or the co-signer). */
  private static void everyStepReturnsItsRefusalToAPerson(BpmnModelInstance admin) {
    for (ServiceTask step : admin.getModelElementsByType(ServiceTask.class)) {
      if (step.getCamundaDelegateExpression().contains("escalate")) {
        continue;
      }
      List<BoundaryEvent> refusals =
          admin.getModelElementsByType(BoundaryEvent.class).stream()
              .filter(b -> b.getAttachedTo() == step)
              .filter(
                  b -> b.getEventDefinitions().iterator().next() instanceof ErrorEventDefinition)
              .toList();
      assertThat(refusals).as("%s has a LEDGER_REFUSED boundary", step.getId()).hasSize(1);
      FlowNode target = outgoingIn(admin, refusals.get(0)).get(0).getTarget();
      assertThat(target)
          .as("%s's refusal goes to a task", step.getId())
          .isInstanceOf(UserTask.class);
    }
  }

  private static boolean holdsFor(SequenceFlow flow, Map<String, String> bound) {
    String condition = condition(flow);
    if (condition.isEmpty()) {
      return true;
    }
    var m = java.util.regex.Pattern.compile("\\$\\{(\\w+) (==|!=) '(\\w+)'}").matcher(condition);
    if (!m.matches() || !bound.containsKey(m.group(1))) {
      return false;
    }
    return bound.get(m.group(1)).equals(m.group(3)) == m.group(2).equals("==");
  }

  private static List<String> starterGroups(BpmnModelInstance admin) {
    return List.of(
        admin
            .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
            .iterator()
            .next()
            .getCamundaCandidateStarterGroups()
            .split("\\s*,\\s*"));
  }

  private static Organisation starterOrganisation(BpmnModelInstance admin) {
    assertThat(starterGroups(admin)).hasSize(1);
    return organisationOf(starterGroups(admin).get(0));
  }

  private static Organisation organisationOf(String group) {
    return Organisation.valueOf(group.toUpperCase().replace('-', '_'));
  }

  private static List<String> enumValues(StartEvent start, String field) {
    return start
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class)
        .singleResult()
        .getCamundaFormFields()
        .stream()
        .filter(f -> field.equals(f.getCamundaId()))
        .flatMap(f -> f.getCamundaValues().stream())
        .map(v -> v.getCamundaId())
        .toList();
  }
}
