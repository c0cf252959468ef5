package et.coffeeexport.connectors.readmodel;

import java.nio.charset.StandardCharsets;

/**
 * A chaincode event as the read model receives it: where it is on the ledger, its name, payload.
 */
public record LedgerEvent(long blockNumber, String transactionId, String name, byte[] payload) {
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
