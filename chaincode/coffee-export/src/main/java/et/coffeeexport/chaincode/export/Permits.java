package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import java.util.EnumSet;

/**
 * Export permits: issued by National Bank with its FX approval, consumed once by a customs
 * declaration.
 */
final class Permits {
  private final Transitions t;

  Permits(Transitions t) {
    this.t = t;
  }

  /** A permit as the ledger keeps it. */
  record Permit(
      String permitNumber, String exportId, String issuedAt, String usedAt, String usedInTx) {}

  String issue(String exportId) {
    String number = t.issueNumber("NBE-EP");
    if (t.store.state(Keys.permit(t.stub, number)).length > 0) {
      // Issuing over an existing permit would revive a used one: never, whatever the number's
      // derivation.
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS, "export permit " + number + " exists already");
    }
    String key = Keys.permit(t.stub, number);
    t.stub.putState(key, CanonicalJson.toBytes(new Permit(number, exportId, t.now(), null, null)));
    // National Bank issues it, Customs consumes it: neither changes it without the other.
    t.stub.setStateValidationParameter(
        key,
        EndorsementPolicies.allPeersOf(
            EnumSet.of(Organisation.NATIONAL_BANK, Organisation.CUSTOM_AUTHORITIES)));
    return number;
  }

  void consume(String permitNumber, String exportId) {
    byte[] bytes = t.store.state(Keys.permit(t.stub, permitNumber));
    if (bytes.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, "no export permit " + permitNumber);
    }
    Permit permit = CanonicalJson.fromBytes(bytes, Permit.class);
    if (permit.usedAt() != null) {
      throw ContractError.of(
          RefusalCode.PERMIT_ALREADY_USED,
          "permit " + permitNumber + " was used in " + permit.usedInTx());
    }
    if (!permit.exportId().equals(exportId)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "permit " + permitNumber + " was issued for another export");
    }
    Permit used =
        new Permit(permit.permitNumber(), exportId, permit.issuedAt(), t.now(), t.stub.getTxId());
    t.stub.putState(Keys.permit(t.stub, permitNumber), CanonicalJson.toBytes(used));
  }
}
