package et.coffeeexport.connectors.fabric;

import java.util.List;
import java.util.Map;

/**
 * One transaction to submit or evaluate, on behalf of {@code signatory}, through {@code org}'s own
 * peer.
 *
 * @param org the network organisation whose peer receives the call (the signatory's own)
 * @param transient private inputs (commercial terms), never written to the transaction
 * @param endorsingOrgs MSP ids that must endorse (collection members for private data); empty lets
 *     the gateway choose from the endorsement policy
 */
public record LedgerCall(
    String org,
    Signatory signatory,
    String chaincode,
    String contract,
    String transaction,
    List<String> args,
    Map<String, byte[]> transientData,
    List<String> endorsingOrgs) {

  public LedgerCall {
    args = List.copyOf(args);
    transientData = Map.copyOf(transientData);
    endorsingOrgs = List.copyOf(endorsingOrgs);
  }

  public static LedgerCall of(
      String org,
      Signatory signatory,
      String chaincode,
      String contract,
      String transaction,
      String... args) {
    return new LedgerCall(
        org, signatory, chaincode, contract, transaction, List.of(args), Map.of(), List.of());
  }

  /**
   * Who endorses a transaction that carries private terms or amounts: two members of the private
   * collection (its policy asks for two, and transient data must reach no one else). Commercial
   * Bank is where exporters and the bank act; ECTA is the witness.
   */
  public static final List<String> TERMS_ENDORSERS = List.of("CommercialBankMSP", "EctaMSP");

  /** The same call with private inputs, endorsed by {@link #TERMS_ENDORSERS}. */
  public LedgerCall privately(Map<String, byte[]> data) {
    return privately(data, TERMS_ENDORSERS.toArray(String[]::new));
  }

  /** The same call with private inputs, endorsed only by {@code endorsingOrgs}. */
  public LedgerCall privately(Map<String, byte[]> data, String... endorsingOrgs) {
    return new LedgerCall(
        org, signatory, chaincode, contract, transaction, args, data, List.of(endorsingOrgs));
  }
}
