package et.coffeeexport.workflow.lifecycle;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * Who decides a ledger step, and its idempotency key, carried to the step's asynchronous job. Each
 * mark names the step it is for (its activity id), so a mark is only ever read by that step: not by
 * a parallel branch's step, nor by a later one when its task led to no ledger step. Completing a
 * task marks the steps that directly follow it ({@link Decisions}); a message that triggers a step
 * marks it with the reporter and a fresh key ({@link #mark}).
 */
public final class LedgerActors {
  private static final String DECIDED_BY = "decidedBy:";
  private static final String STEP_KEY = "ledgerStepKey:";

  private LedgerActors() {}

  /** The variable naming who decides {@code step}. */
  public static String decidedBy(String step) {
    return DECIDED_BY + step;
  }

  /** The variable holding {@code step}'s idempotency key. */
  public static String stepKey(String step) {
    return STEP_KEY + step;
  }

  /**
   * Who decided the step being executed: the user who completed the task before it, or null when
   * nobody did (the step's own rule then names its signer, or it has none).
   */
  public static String decider(DelegateExecution execution) {
    return Decisions.decider(execution);
  }

  /** The step being executed is done (decided or refused): its marks name no later decision. */
  public static void consumed(DelegateExecution execution) {
    Decisions.consumed(execution);
  }

  /**
   * A {@code camunda:property} of the step being executed (what it does on the ledger), or empty.
   */
  public static java.util.Optional<String> property(DelegateExecution execution, String name) {
    return LedgerStep.property(execution, name);
  }

  /** Marks the step a message triggers: reported by {@code username}, with a fresh key. */
  public static MessageCorrelationBuilder mark(
      MessageCorrelationBuilder message, String step, String username) {
    return message
        .setVariable(decidedBy(step), username)
        .setVariable(stepKey(step), UUID.randomUUID().toString());
  }
}
