package et.coffeeexport.domain;

/**
 * Why the ledger refused: the one list of stable codes. The chaincode raises them (its error
 * message reads {@code CODE: detail}), the lifecycle answers with them, the connector maps a peer's
 * answer back to them, the workflow turns them into BPMN errors and the API into problem details. A
 * refusal writes nothing.
 */
public enum RefusalCode {
  /** Malformed or missing input; nothing about the ledger was looked at. */
  INVALID_ARGUMENT,
  NOT_FOUND,
  ALREADY_EXISTS,
  /** The caller's organisation, role or identity may not do this. */
  FORBIDDEN,
  /**
   * The ledger is not in a state that allows this (no rule set, documents missing, deadline not
   * reached).
   */
  PRECONDITION_FAILED,
  /** The lifecycle refuses this action from the export's current status. */
  ILLEGAL_TRANSITION,
  /** The lifecycle refuses this caller's organisation or role for this action. */
  NOT_AUTHORISED,
  /** The export was already returned as often as the rule allows. */
  AMENDMENT_ROUNDS_EXCEEDED,
  EXPORTER_NOT_ACTIVE,
  OFFICER_NOT_ACTIVE,
  PRICE_BELOW_MINIMUM,
  PERMIT_ALREADY_USED,
  FOUR_EYES_REQUIRED,
  /**
   * The amendment changes something its returning stage may not ask for, or an earlier approved.
   */
  AMENDMENT_NOT_ALLOWED,
  /** The buyer is on ECTA's blacklist. */
  BUYER_BLACKLISTED,
  /**
   * The step's idempotency key was already used for another decision (another action or another
   * decider).
   */
  STEP_KEY_REUSED,
  /**
   * A rule set's effective date lies before the day of the transaction that proposes or co-signs
   * it: a rule set is never put in force for the past.
   */
  EFFECTIVE_DATE_PASSED,
  /**
   * The co-signature names a rule-set proposal (version and hash) that is not the one on the
   * ledger: it was proposed again since, so what the co-signer saw is not what would be signed.
   */
  PROPOSAL_CHANGED,
  /**
   * Not the chaincode's: the transaction was ordered but the peers validated it invalid
   * (endorsement policy not met, ...). The connector reports it.
   */
  INVALID_TRANSACTION,
  /** Not the chaincode's: a code this version does not know. */
  UNKNOWN;

  /** The code named {@code name}, or {@link #UNKNOWN}. */
  public static RefusalCode of(String name) {
    for (RefusalCode c : values()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
