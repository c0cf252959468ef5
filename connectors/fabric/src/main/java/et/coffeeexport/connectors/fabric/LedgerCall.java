package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.Organisation;
import java.util.List;
import java.util.Map;

/**
 * One transaction to submit or evaluate, on behalf of {@code signatory}, through its organisation's
 * own peers. Private to the connector: callers use the typed chaincode clients, so chaincode,
 * contract and transaction names exist only here and in the chaincode.
 *
 * @param transientData private inputs (commercial terms, amounts, the step key), never written to
 *     the transaction
 * @param endorsingOrgs MSP ids that must endorse (collection members for private data); empty lets
 *     the gateway choose from the endorsement policy
 */
record LedgerCall(
    Signatory signatory,
    String chaincode,
    String contract,
    String transaction,
    List<String> args,
    Map<String, byte[]> transientData,
    List<String> endorsingOrgs) {

  LedgerCall {
    args = List.copyOf(args);
    transientData = Map.copyOf(transientData);
    endorsingOrgs = List.copyOf(endorsingOrgs);
  }

  static LedgerCall of(
      Signatory signatory, String chaincode, String contract, String transaction, String... args) {
    return new LedgerCall(
        signatory, chaincode, contract, transaction, List.of(args), Map.of(), List.of());
  }

  /** The network name of the organisation whose peers receive the call: the signatory's own. */
  String org() {
    return signatory.organisation().networkName();
  }

  /**
   * The same call with private inputs, endorsed by {@link CoffeeExportChaincode#TERMS_ENDORSERS}.
   */
  LedgerCall privately(Map<String, byte[]> data) {
    return new LedgerCall(
        signatory,
        chaincode,
        contract,
        transaction,
        args,
        data,
        CoffeeExportChaincode.TERMS_ENDORSERS.stream().map(Organisation::mspId).toList());
  }

  /** The same call with more transient inputs, keeping who endorses. */
  LedgerCall withTransient(String key, byte[] value) {
    var data = new java.util.HashMap<>(transientData);
    data.put(key, value);
    return new LedgerCall(signatory, chaincode, contract, transaction, args, data, endorsingOrgs);
  }
}
