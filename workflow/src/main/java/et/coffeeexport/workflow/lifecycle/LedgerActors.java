package et.coffeeexport.workflow.lifecycle;

/**
 * How a message names who acts on the step it triggers, where no user completes a task: set both
 * with the correlation, and the step's delegate consumes them.
 */
public final class LedgerActors {
  /** The user who reported the message. */
  public static final String ACTING_USER = "actingUser";

  /**
   * The step's idempotency key (fresh per message): a retried step finds its decision on the
   * ledger.
   */
  public static final String STEP_KEY = "ledgerStepKey";

  private LedgerActors() {}
}
