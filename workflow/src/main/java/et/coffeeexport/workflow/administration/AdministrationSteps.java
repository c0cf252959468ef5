package et.coffeeexport.workflow.administration;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.SigningRefused;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the ledger steps of the regulators' administration processes share: who decides the step
 * (the person who started the process, for the step right after the start event, or who completed
 * the task before it: the marks {@code LedgerActors} names), signing with their own identity, and a
 * chaincode refusal returned as the BPMN error the models catch. A step nobody decided fails its
 * job (an incident), never a platform signature.
 */
@Component
public class AdministrationSteps {
  private final LedgerIdentities identities;

  AdministrationSteps(LedgerIdentities identities) {
    this.identities = identities;
  }

  /** The identity of the person who decided the step being executed. */
  public StoredIdentity signer(DelegateExecution execution) {
    String username = decider(execution);
    try {
      return identities.forUsername(username);
    } catch (SigningRefused e) {
      throw refused(execution, "FORBIDDEN: " + e.getMessage());
    }
  }

  /**
   * The step's idempotency key: the one marked for it (the task completed before it), else the
   * process instance's id, which no other decision uses.
   */
  public static String stepKey(DelegateExecution execution) {
    Object key = execution.getVariable(LedgerActors.stepKey(execution.getCurrentActivityId()));
    return key == null ? execution.getProcessInstanceId() : key.toString();
  }

  /** The step is refused: back to the person (the model's LEDGER_REFUSED boundary). */
  public BpmnError refused(DelegateExecution execution, String reason) {
    LedgerActors.consumed(execution);
    return new BpmnError(ExportProcess.LEDGER_REFUSED, reason);
  }

  /** The non-blank lines of a text field (reasons, document references), trimmed. */
  public static List<String> lines(Object text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toString().split("\\R"))
        .map(String::trim)
        .filter(l -> !l.isEmpty())
        .toList();
  }

  /** A text variable, or the empty string. */
  public static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }

  /** A {@code camunda:property} of the activity being executed; fails when the model names none. */
  public static String property(DelegateExecution execution, String name) {
    return LedgerActors.property(execution, name)
        .orElseThrow(
            () ->
                new IllegalStateException(execution.getCurrentActivityId() + " names no " + name));
  }

  /**
   * Who decided the step being executed (the marks {@code LedgerActors} names); a step nobody
   * decided fails its job (an incident), never signs as the platform.
   */
  public static String decider(DelegateExecution execution) {
    String username = LedgerActors.decider(execution);
    if (username == null) {
      throw new IllegalStateException(
          execution.getCurrentActivityId() + " has nobody who decided it: no signer");
    }
    return username;
  }
}
