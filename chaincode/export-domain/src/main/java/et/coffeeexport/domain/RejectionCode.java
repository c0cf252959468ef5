package et.coffeeexport.domain;

/**
 * Why a transition is refused. The names are stable: chaincode errors carry them, connectors map
 * them to typed business errors and the workflow to BPMN errors.
 */
public enum RejectionCode {
  /** The action is not possible from the export's current status. */
  ILLEGAL_TRANSITION,
  /** The caller's organisation or role may not take this action. */
  NOT_AUTHORISED,
  /** The export was already returned as often as the rule allows. */
  AMENDMENT_ROUNDS_EXCEEDED
}
