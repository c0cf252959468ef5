package et.coffeeexport.chaincode.support;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Chaincode errors with stable codes. The message reads {@code CODE: detail}; the payload carries
 * the code alone so that clients map it to a typed business error without parsing prose.
 */
public enum ContractError {
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
  /** The lifecycle refuses this caller for this action. */
  NOT_AUTHORISED,
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
   * The step key (transient {@code step}) already recorded a decision of another action or another
   * caller on this export: a key names one step of one person, never a second one.
   */
  STEP_KEY_REUSED;

  /** The exception to throw from a transaction; the transaction then writes nothing. */
  public ChaincodeException exception(String detail) {
    return new ChaincodeException(name() + ": " + detail, name().getBytes(StandardCharsets.UTF_8));
  }
}
