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
import et.coffeeexport.domain.RuleSetChange;
import et.coffeeexport.domain.RuleSetProposal;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The rules that change with directives, as versioned ledger entries: the rule set and the minimum
 * export prices, each proposed by ECTA and in force only once National Bank co-signs.
 */
@Contract(name = "RuleContract", info = @Info(title = "Directives", version = "1.0.0"))
public final class RuleContract implements ContractInterface {

  /**
   * Puts the first rule set in force: the consortium's bootstrap, published once at deployment by
   * ECTA's administrator (network/scripts/deploy.sh) and endorsed by ECTA's and National Bank's
   * peers, like the chaincode definition all members approved. Refused once a rule set exists:
   * every later version is proposed by ECTA and co-signed by National Bank ({@link
   * #proposeRuleSet}, {@link #cosignRuleSet}).
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String publishRuleSet(Context ctx, String ruleSetJson) {
    Caller caller = Caller.of(ctx);
    if (caller.organisation() != RuleSetChange.PROPOSER || !caller.admin()) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN, "only ECTA's administrator publishes the first rule set");
    }
    RuleSet rules = CanonicalJson.parse(ruleSetJson, RuleSet.class, "ruleSet");
    if (!rules.violations().isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", rules.violations()));
    }
    ExportStore store = new ExportStore(ctx.getStub());
    if (store.hasRules()) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS,
          "a rule set is in force: ECTA proposes the next, National Bank co-signs it");
    }
    if (rules.version() != 1) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "the first rule set is version 1");
    }
    RuleSet published = rules.proposal(signerOf(caller));
    store.saveRules(published);
    // The first rule set is the ledger's trusted bootstrap. Never "when a seal is missing": a
    // member alone may delete its own seal, and re-creating all six would then need all six.
    store.createSeals();
    byte[] bytes = CanonicalJson.toBytes(published);
    ctx.getStub().setEvent(Events.RULE_SET_PUBLISHED, bytes);
    return ExportStore.utf8(bytes);
  }

  /**
   * ECTA (an officer or supervisor) proposes the next rule set version with the day it takes effect
   * (not before this transaction's day, nor before the newest rule set's). It is not in force until
   * a National Bank supervisor co-signs it. A proposal not co-signed yet may be proposed again
   * (sent back and revised): the new one replaces it, with a new hash. The proposal names its
   * proposer (the signer, whatever the argument says).
   *
   * @param ruleSetJson a {@code RuleSet} with {@code version} and {@code effectiveDate}
   * @return the {@code RuleSetProposal}: the stored proposal and its hash, which the co-signature
   *     names
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String proposeRuleSet(Context ctx, String ruleSetJson) {
    Caller proposer = requireOfficerOf(ctx, RuleSetChange.PROPOSER, "propose rule sets");
    RuleSet proposed = CanonicalJson.parse(ruleSetJson, RuleSet.class, "ruleSet");
    ExportStore store = new ExportStore(ctx.getStub());
    RuleSetChange.proposalRefusal(proposed, store.latestRules(), store.txDay())
        .ifPresent(
            refusal -> {
              throw ContractError.of(refusal.code(), refusal.reason());
            });
    byte[] bytes = CanonicalJson.toBytes(proposed.proposal(signerOf(proposer)));
    store.saveProposal(proposed.version(), bytes);
    byte[] answer = CanonicalJson.toBytes(proposalOf(bytes));
    ctx.getStub().setEvent(Events.RULE_SET_PROPOSED, answer);
    return ExportStore.utf8(answer);
  }

  /**
   * A National Bank supervisor, someone other than the proposer, co-signs ECTA's proposal of {@code
   * version}: from its effective date it is in force for new filings. The co-signature names the
   * proposal's hash, so it signs exactly what its signer was shown.
   *
   * @param proposalHash the hash {@link #proposeRuleSet} answered
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String cosignRuleSet(Context ctx, String version, String proposalHash) {
    Caller cosigner = requireOfficerOf(ctx, RuleSetChange.COSIGNER, "co-sign rule sets");
    if (!RuleSetChange.mayCosign(cosigner.actor())) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN, "only National Bank supervisors co-sign rule sets");
    }
    int number = Inputs.version(version);
    ExportStore store = new ExportStore(ctx.getStub());
    if (number <= store.latestRules().version()) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS, "rule set " + number + " is already co-signed");
    }
    byte[] stored = store.proposal(number);
    if (stored.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, "ECTA has proposed no rule set " + number);
    }
    RuleSetProposal proposal = proposalOf(stored);
    if (!proposal.hash().equals(proposalHash)) {
      throw ContractError.of(
          RefusalCode.PROPOSAL_CHANGED,
          "ECTA's proposal of rule set " + number + " is not the one named: review it again");
    }
    String signer = signerOf(cosigner);
    RuleSetChange.cosignatureRefusal(proposal.rules(), signer, store.txDay())
        .ifPresent(
            refusal -> {
              throw ContractError.of(refusal.code(), refusal.reason());
            });
    RuleSet cosigned = proposal.rules().cosigned(signer);
    store.saveRules(cosigned);
    byte[] bytes = CanonicalJson.toBytes(cosigned);
    ctx.getStub().setEvent(Events.RULE_SET_COSIGNED, bytes);
    return ExportStore.utf8(bytes);
  }

  /**
   * ECTA (an officer or supervisor) withdraws its proposal of {@code version}, not co-signed yet:
   * National Bank sent it back and ECTA gave the change up. From then on National Bank cannot
   * co-sign it, so a change ECTA withdrew never comes into force by one organisation alone. The
   * withdrawal names the proposal's hash: a newer proposal of the same version stays.
   *
   * @param proposalHash the hash {@link #proposeRuleSet} answered
   * @return the withdrawn {@code RuleSetProposal}
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String withdrawRuleSetProposal(Context ctx, String version, String proposalHash) {
    requireOfficerOf(ctx, RuleSetChange.PROPOSER, "withdraw rule-set proposals");
    int number = Inputs.version(version);
    ExportStore store = new ExportStore(ctx.getStub());
    if (number <= store.latestRules().version()) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS,
          "rule set " + number + " is already co-signed: it can no longer be withdrawn");
    }
    byte[] stored = store.proposal(number);
    if (stored.length == 0) {
      throw ContractError.of(
          RefusalCode.NOT_FOUND, "ECTA has no pending proposal of rule set " + number);
    }
    RuleSetProposal proposal = proposalOf(stored);
    if (!proposal.hash().equals(proposalHash)) {
      throw ContractError.of(
          RefusalCode.PROPOSAL_CHANGED,
          "ECTA's proposal of rule set " + number + " is not the one named: it stays");
    }
    store.withdrawProposal(number);
    byte[] answer = CanonicalJson.toBytes(proposal);
    ctx.getStub().setEvent(Events.RULE_SET_PROPOSAL_WITHDRAWN, answer);
    return ExportStore.utf8(answer);
  }

  /** The rule set in force for what is filed at this query's time. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readRuleSet(Context ctx) {
    return ExportStore.utf8(CanonicalJson.toBytes(new ExportStore(ctx.getStub()).rulesInForce()));
  }

  /** The newest co-signed rule set, which may take effect later: the next proposal builds on it. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readLatestRuleSet(Context ctx) {
    return ExportStore.utf8(CanonicalJson.toBytes(new ExportStore(ctx.getStub()).latestRules()));
  }

  /** The co-signed rule set {@code version}: what an export filed under it keeps applying. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readRuleSetVersion(Context ctx, String version) {
    return ExportStore.utf8(
        CanonicalJson.toBytes(new ExportStore(ctx.getStub()).rules(Inputs.version(version))));
  }

  /** ECTA's proposal of {@code version} with its hash, co-signed or not. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readRuleSetProposal(Context ctx, String version) {
    byte[] stored = new ExportStore(ctx.getStub()).proposal(Inputs.version(version));
    if (stored.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, "ECTA has proposed no rule set " + version);
    }
    return ExportStore.utf8(CanonicalJson.toBytes(proposalOf(stored)));
  }

  /** A stored proposal with the SHA-256 of exactly those bytes. */
  private static RuleSetProposal proposalOf(byte[] stored) {
    return new RuleSetProposal(
        CanonicalJson.fromBytes(stored, RuleSet.class), PrivateTerms.sha256(stored));
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
