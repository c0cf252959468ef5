package et.coffeeexport.workflow.registration;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.Registration;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.domain.RegistryAction;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.SigningRefused;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The registration's ledger steps, each the {@code registryAction} its task names: the application
 * (in the applicant's request, signed by them), and ECTA's registration, renewal or refusal (in a
 * job, signed by the officer who completed the review before it). The application's exporter comes
 * from the platform's record of who applied, never from a variable. A decision's refusal by the
 * ledger returns to the review (BPMN error {@code LEDGER_REFUSED}); the application's refusal
 * answers the exporter's request. A granted licence sets the watch's timers from the expiry the
 * ledger answered.
 */
@Component("registryStep")
class RegistryStep implements JavaDelegate {
  /** The application as the exporter sent it: a transient variable of the first step. */
  static final String REQUEST = "applicationJson";

  private final UserManagementChaincode registry;
  private final LedgerIdentities identities;
  private final ApplicationRecords records;
  private final DecisionOutcomes outcomes;

  RegistryStep(
      UserManagementChaincode registry,
      LedgerIdentities identities,
      ApplicationRecords records,
      DecisionOutcomes outcomes) {
    this.registry = registry;
    this.identities = identities;
    this.records = records;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RegistryAction action = RegistryAction.valueOf(property(execution));
    String applicationId = execution.getProcessBusinessKey();
    String exporterId = records.exporterOfRunning(applicationId);
    try {
      StoredIdentity signer = signer(execution);
      switch (action) {
        case APPLY ->
            registry.applyForLicence(
                signer, applicationId, (String) execution.getVariable(REQUEST));
        case REGISTER, RENEW -> {
          var written = registry.grant(signer, action, exporterId, applicationId);
          outcomes.committed(execution, written.transactionId());
          RegisteredExporter granted = written.answer();
          var validThrough = granted.profile().validThrough();
          execution.setVariable(
              Registration.LICENCE_REMINDER_AT, LicenceDates.reminderAt(validThrough));
          execution.setVariable(
              Registration.LICENCE_EXPIRES_AT, LicenceDates.lapsesAt(validThrough));
        }
        case REFUSE ->
            outcomes.committed(
                execution,
                registry
                    .refuseApplication(signer, exporterId, applicationId, reasons(execution))
                    .transactionId());
      }
    } catch (LedgerRefusal | SigningRefused e) {
      LedgerActors.consumed(execution);
      if (action == RegistryAction.APPLY) {
        throw e;
      }
      throw new BpmnError(
          ExportProcess.LEDGER_REFUSED,
          e instanceof SigningRefused ? "FORBIDDEN: " + e.getMessage() : e.getMessage());
    }
    LedgerActors.consumed(execution);
  }

  /**
   * Who decided: the applicant the API marked, or the officer who completed the review. A registry
   * decision is a person's: with nobody marked the job fails (an incident), never signs as the
   * platform.
   */
  private StoredIdentity signer(DelegateExecution execution) {
    return identities.forUsername(
        et.coffeeexport.workflow.administration.AdministrationSteps.decider(execution));
  }

  /** The review's reasons, one per line, as the exporter will read them. */
  private static List<String> reasons(DelegateExecution execution) {
    Object reasons = execution.getVariable("reasons");
    return reasons == null
        ? List.of()
        : Arrays.stream(reasons.toString().split("\\R"))
            .map(String::trim)
            .filter(r -> !r.isEmpty())
            .toList();
  }

  private static String property(DelegateExecution execution) {
    return LedgerActors.property(execution, ExportProcess.REGISTRY_ACTION)
        .orElseThrow(
            () -> new IllegalStateException(execution.getCurrentActivityId() + " names no action"));
  }
}
