package et.coffeeexport.workflow.lifecycle;

/** How a path of the process names who acts on it when no user completes a task there. */
public final class LedgerActors {
  /** Set with a message: the user who reported it; the delegate it triggers consumes it. */
  public static final String ACTING_USER = "actingUser";

  private LedgerActors() {}
}
