package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.RuleSet;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The rules that change with directives, as versioned ledger entries: the rule set (ECTA) and the
 * minimum export prices (proposed by ECTA, in force only once National Bank co-signs).
 */
@Contract(name = "RuleContract", info = @Info(title = "Directives", version = "1.0.0"))
public final class RuleContract implements ContractInterface {

  /**
   * Puts a new rule set in force. Only ECTA supervisors (or ECTA's administrator, to bootstrap)
   * publish; versions only go up.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String publishRuleSet(Context ctx, String ruleSetJson) {
    Caller caller = Caller.of(ctx);
    if (caller.organisation() != Organisation.ECTA
        || !(caller.admin() || caller.role() == Role.SUPERVISOR)) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "only ECTA supervisors publish rule sets");
    }
    RuleSet rules = CanonicalJson.parse(ruleSetJson, RuleSet.class, "ruleSet");
    if (!rules.violations().isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", rules.violations()));
    }
    ExportStore store = new ExportStore(ctx.getStub());
    byte[] current = store.state(Keys.ruleSet(ctx.getStub(), "current"));
    int currentVersion =
        current.length == 0 ? 0 : CanonicalJson.fromBytes(current, RuleSet.class).version();
    if (rules.version() != currentVersion + 1) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, "the next rule set version is " + (currentVersion + 1));
    }
    store.saveRules(rules);
    if (currentVersion == 0) {
      // The first rule set is the ledger's trusted bootstrap. Never "when a seal is missing": a
      // member alone may delete its own seal, and re-creating all six would then need all six.
      store.createSeals();
    }
    byte[] bytes = CanonicalJson.toBytes(rules);
    ctx.getStub().setEvent(Events.RULE_SET_PUBLISHED, bytes);
    return ExportStore.utf8(bytes);
  }

  /** The rule set in force. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readRuleSet(Context ctx) {
    return ExportStore.utf8(CanonicalJson.toBytes(new ExportStore(ctx.getStub()).currentRules()));
  }

  /**
   * ECTA proposes a minimum price. It is not in force until National Bank co-signs; from the
   * proposal on, the entry changes only with ECTA's and National Bank's peers both endorsing. A
   * proposal National Bank has not co-signed yet may be proposed again with another price (National
   * Bank sent it back): the new proposal replaces it. A co-signed entry never changes. The entry
   * names its proposer (the signer, whatever the argument says).
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String proposePriceFloor(Context ctx, String floorJson) {
    Caller proposer = requireOfficerOf(ctx, Organisation.ECTA, "propose minimum prices");
    PriceFloor proposed = CanonicalJson.parse(floorJson, PriceFloor.class, "floor");
    if (!proposed.violations().isEmpty()) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, String.join("; ", proposed.violations()));
    }
    ChaincodeStub stub = ctx.getStub();
    String key =
        Keys.floor(
            stub,
            proposed.grade(),
            proposed.origin(),
            proposed.process(),
            proposed.effectiveDate());
    byte[] existing = new ExportStore(stub).state(key);
    if (existing.length > 0 && CanonicalJson.fromBytes(existing, PriceFloor.class).cosigned()) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS,
          "a co-signed minimum price for that grade, origin, process and date exists");
    }
    PriceFloor entry =
        new PriceFloor(
            idOf(proposed),
            proposed.grade(),
            proposed.origin(),
            proposed.process(),
            proposed.effectiveDate(),
            proposed.minPricePerLbUsd(),
            false,
            signerOf(proposer),
            null);
    byte[] bytes = CanonicalJson.toBytes(entry);
    stub.putState(key, bytes);
    stub.setStateValidationParameter(
        key, EndorsementPolicies.allPeersOf(ExportStore.DIRECTIVE_SETTERS));
    stub.setEvent(Events.PRICE_FLOOR_PROPOSED, bytes);
    return ExportStore.utf8(bytes);
  }

  /** National Bank co-signs a proposed minimum price: from then on it is in force. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String cosignPriceFloor(
      Context ctx, String grade, String origin, String process, String effectiveDate) {
    Caller cosigner = requireOfficerOf(ctx, Organisation.NATIONAL_BANK, "co-sign minimum prices");
    ChaincodeStub stub = ctx.getStub();
    String key =
        Keys.floor(stub, grade, origin, process, Inputs.date(effectiveDate, "effectiveDate"));
    byte[] stored = new ExportStore(stub).state(key);
    if (stored.length == 0) {
      throw ContractError.of(
          RefusalCode.NOT_FOUND,
          "no proposed minimum price for that grade, origin, process and date");
    }
    PriceFloor floor = CanonicalJson.fromBytes(stored, PriceFloor.class);
    if (floor.cosigned()) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS, "minimum price " + floor.id() + " is already co-signed");
    }
    PriceFloor cosigned =
        new PriceFloor(
            floor.id(),
            grade,
            origin,
            process,
            floor.effectiveDate(),
            floor.minPricePerLbUsd(),
            true,
            floor.proposedBy(),
            signerOf(cosigner));
    byte[] bytes = CanonicalJson.toBytes(cosigned);
    stub.putState(key, bytes);
    stub.setStateValidationParameter(
        key, EndorsementPolicies.allPeersOf(ExportStore.DIRECTIVE_SETTERS));
    stub.setEvent(Events.PRICE_FLOOR_COSIGNED, bytes);
    return ExportStore.utf8(bytes);
  }

  /** Every minimum price entry, proposed or co-signed, for one grade, origin and process. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listPriceFloors(Context ctx, String grade, String origin, String process) {
    return Transitions.json(new ExportStore(ctx.getStub()).floors(grade, origin, process));
  }

  private static String idOf(PriceFloor f) {
    return f.grade() + "/" + f.origin() + "/" + f.process() + "/" + f.effectiveDate();
  }

  private static Caller requireOfficerOf(Context ctx, Organisation organisation, String what) {
    Transitions t = new Transitions(ctx);
    if (t.caller.organisation() != organisation
        || (t.caller.role() != Role.OFFICER && t.caller.role() != Role.SUPERVISOR)) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "only " + organisation + " officers " + what);
    }
    t.registry.requireActiveOfficer(t.caller);
    return t.caller;
  }

  /** Who signed, as an entry names them: their user id, else (an administrator) enrollment id. */
  private static String signerOf(Caller caller) {
    return caller.userId() != null ? caller.userId() : caller.enrollmentId();
  }
}
