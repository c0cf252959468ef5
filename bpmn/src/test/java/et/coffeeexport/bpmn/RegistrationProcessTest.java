package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.bpmn.ExportProcess.Registration;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * Every path of an exporter's licence application on the in-memory engine, with a fake ledger: the
 * registry step records the action its task names, and can be told to refuse; the watch records
 * what it would tell the exporter and can be told the licence was superseded.
 */
class RegistrationProcessTest {
  private static final ProcessEngine ENGINE = ProcessHarness.ENGINE;
  private static final Instant EXPIRES =
      java.time.LocalDate.now(java.time.ZoneOffset.UTC)
          .plusDays(400)
          .atStartOfDay(java.time.ZoneOffset.UTC)
          .toInstant();

  private final List<String> ledger = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final List<String> escalations = new ArrayList<>();
  private final Set<String> refuseOnce = new HashSet<>();
  private final Set<String> supersededAt = new HashSet<>();
  private final InstanceDriver run = new InstanceDriver();

  RegistrationProcessTest() {
    Mocks.reset();
    Mocks.register(
        "registryStep",
        (JavaDelegate)
            e -> {
              String action = property(e, ExportProcess.REGISTRY_ACTION);
              if (refuseOnce.remove(action)) {
                if (action.equals("APPLY")) {
                  // In the exporter's request: the refusal answers it, nothing is started.
                  throw new IllegalStateException("ALREADY_EXISTS: refused by the fake ledger");
                }
                throw new BpmnError(
                    ExportProcess.LEDGER_REFUSED,
                    "PRECONDITION_FAILED: refused by the fake ledger");
              }
              ledger.add(action);
              if (!action.equals("APPLY") && !action.equals("REFUSE")) {
                // As the application does with the ledger's answer: the watch follows its expiry.
                e.setVariable(
                    Registration.LICENCE_REMINDER_AT,
                    EXPIRES.minus(30, ChronoUnit.DAYS).toString());
                e.setVariable(Registration.LICENCE_EXPIRES_AT, EXPIRES.toString());
              }
            });
    Mocks.register(
        "licenceWatch",
        (JavaDelegate)
            e -> {
              String notice = property(e, Registration.LICENCE_NOTICE);
              boolean superseded = supersededAt.contains(notice);
              if (!superseded) {
                notices.add(notice);
              }
              e.setVariable(Registration.LICENCE_SUPERSEDED, superseded);
            });
    Mocks.register(
        "escalateToSupervisors", (JavaDelegate) e -> escalations.add(e.getCurrentActivityId()));
    Mocks.register("refusalNeedsReasons", (TaskListener) t -> {});
  }

  @Test
  void aRegistrationWithItsDocumentsRegisteredByEctaIsWatchedUntilItsLicenceLapses() {
    apply("REGISTRATION");
    assertThat(ledger).containsExactly("APPLY");
    assertThat(waitingAt(Registration.AWAIT_DOCUMENTS)).isTrue();
    documentsComplete();
    Task review = run.task(Registration.REVIEW);
    assertThat(review.getName()).isEqualTo("Review the REGISTRATION application of EXPORTER-NEW");
    assertThat(run.candidates(review)).containsExactly("ecta");
    run.complete(review, Map.of(ExportProcess.DECISION, "REGISTER"));

    assertThat(ledger).containsExactly("APPLY", "REGISTER");
    assertThat(run.timerDue(Registration.REMINDER_DUE))
        .as("30 days before the expiry the ledger answered")
        .isEqualTo(EXPIRES.minus(30, ChronoUnit.DAYS));
    run.fireTimer(Registration.REMINDER_DUE);
    assertThat(notices).containsExactly("REMINDER");
    assertThat(run.timerDue(Registration.EXPIRY_DUE)).isEqualTo(EXPIRES);
    run.fireTimer(Registration.EXPIRY_DUE);
    assertThat(notices).containsExactly("REMINDER", "EXPIRED");
    assertThat(run.ended()).isTrue();
    assertThat(run.passed("LicenceExpired")).isTrue();
  }

  @Test
  void aRenewalIsRenewedNotRegistered() {
    apply("RENEWAL");
    documentsComplete();
    Task review = run.task(Registration.REVIEW);
    assertThat(review.getName()).isEqualTo("Review the RENEWAL application of EXPORTER-NEW");
    run.complete(review, Map.of(ExportProcess.DECISION, "REGISTER"));
    assertThat(ledger).containsExactly("APPLY", "RENEW");
    assertThat(run.timerDue(Registration.REMINDER_DUE)).isNotNull();
  }

  @Test
  void aRefusalIsRecordedWithItsReasonsAndEndsTheApplication() {
    apply("REGISTRATION");
    documentsComplete();
    run.complete(
        run.task(Registration.REVIEW),
        Map.of(ExportProcess.DECISION, "REFUSE", "reasons", "capital not evidenced"));
    assertThat(ledger).containsExactly("APPLY", "REFUSE");
    assertThat(run.ended()).isTrue();
    assertThat(run.passed("ApplicationRefused")).isTrue();
    assertThat(run.passed(Registration.REMINDER_DUE)).as("no licence to watch").isFalse();
  }

  @Test
  void withoutItsDocumentsAfterThirtyDaysEctaReviewsWhatIsThere() {
    apply("REGISTRATION");
    assertThat(run.timerDue("DocumentsOverdue"))
        .isAfter(Instant.now().plus(29, ChronoUnit.DAYS))
        .isBefore(Instant.now().plus(31, ChronoUnit.DAYS));
    run.fireTimer("DocumentsOverdue");
    assertThat(waitingAt(Registration.AWAIT_DOCUMENTS)).isFalse();
    run.complete(
        run.task(Registration.REVIEW),
        Map.of(ExportProcess.DECISION, "REFUSE", "reasons", "no licence uploaded"));
    assertThat(ledger).containsExactly("APPLY", "REFUSE");
  }

  @Test
  void eachDecisionTheLedgerRefusesGoesBackToTheOfficerWithTheReason() {
    for (String[] refused :
        new String[][] {
          {"REGISTRATION", "REGISTER", "REGISTER"},
          {"RENEWAL", "REGISTER", "RENEW"},
          {"REGISTRATION", "REFUSE", "REFUSE"}
        }) {
      ledger.clear();
      apply(refused[0]);
      documentsComplete();
      refuseOnce.add(refused[2]);
      run.complete(
          run.task(Registration.REVIEW),
          Map.of(ExportProcess.DECISION, refused[1], "reasons", "checked"));
      Task again = run.task(Registration.REVIEW);
      assertThat((String) ENGINE.getTaskService().getVariable(again.getId(), "ledgerRefusal"))
          .as("%s refused", refused[2])
          .startsWith("PRECONDITION_FAILED");
      assertThat(ledger).containsExactly("APPLY");
      run.complete(again, Map.of(ExportProcess.DECISION, refused[1], "reasons", "checked"));
      assertThat(ledger).containsExactly("APPLY", refused[2]);
    }
  }

  @Test
  void anApplicationTheLedgerRefusesStartsNothing() {
    refuseOnce.add("APPLY");
    long before = instances();
    assertThatThrownBy(() -> apply("REGISTRATION")).hasMessageContaining("ALREADY_EXISTS");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void aLateReviewIsEscalatedToEctaSupervisorsAndStillAwaited() {
    apply("REGISTRATION");
    documentsComplete();
    run.fireTimer("ReviewOverdue");
    assertThat(escalations).containsExactly("ReviewApplicationEscalation");
    assertThat(run.task(Registration.REVIEW)).isNotNull();
  }

  @Test
  void aLicenceRenewedOrBannedBeforeTheReminderEndsTheWatchWithoutANotice() {
    registered();
    supersededAt.add("REMINDER");
    run.fireTimer(Registration.REMINDER_DUE);
    assertThat(notices).isEmpty();
    assertThat(run.ended()).isTrue();
    assertThat(run.passed("RenewedBeforeReminder")).isTrue();
  }

  @Test
  void aLicenceRenewedAfterTheReminderEndsTheWatchAtTheOldExpiryWithoutANotice() {
    registered();
    run.fireTimer(Registration.REMINDER_DUE);
    supersededAt.add("EXPIRED");
    run.fireTimer(Registration.EXPIRY_DUE);
    assertThat(notices).containsExactly("REMINDER");
    assertThat(run.passed("RenewedBeforeExpiry")).isTrue();
    assertThat(run.passed("LicenceExpired")).isFalse();
  }

  private void registered() {
    apply("REGISTRATION");
    documentsComplete();
    run.complete(run.task(Registration.REVIEW), Map.of(ExportProcess.DECISION, "REGISTER"));
  }

  private void apply(String kind) {
    Map<String, Object> variables = new HashMap<>();
    String applicationId = "APP-" + System.nanoTime();
    variables.put(Registration.APPLICATION_ID, applicationId);
    variables.put(Registration.EXPORTER_ID, "EXPORTER-NEW");
    variables.put(Registration.APPLICATION_KIND, kind);
    run.start(Registration.KEY, applicationId, variables);
  }

  private void documentsComplete() {
    ENGINE
        .getRuntimeService()
        .createMessageCorrelation(Registration.DOCUMENTS_COMPLETE)
        .processInstanceBusinessKey(run.instance.getBusinessKey())
        .correlate();
    run.settle();
  }

  private static String property(
      org.camunda.bpm.engine.delegate.DelegateExecution execution, String name) {
    return DualEnforcementTest.property(
        (org.camunda.bpm.model.bpmn.instance.FlowNode) execution.getBpmnModelElementInstance(),
        name);
  }

  private boolean waitingAt(String activityId) {
    return ENGINE
        .getRuntimeService()
        .getActiveActivityIds(run.instance.getId())
        .contains(activityId);
  }

  private long instances() {
    return ENGINE
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(Registration.KEY)
        .count();
  }
}
