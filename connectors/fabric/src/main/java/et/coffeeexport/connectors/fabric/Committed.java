package et.coffeeexport.connectors.fabric;

import java.nio.charset.StandardCharsets;

/**
 * A transaction the ledger committed as valid: its id, its block, the chaincode's result, and how
 * many attempts it took (fresh endorsements after read conflicts, resubmissions, status queries).
 */
record Committed(String transactionId, long blockNumber, byte[] result, int attempts) {
  String resultText() {
    return new String(result, StandardCharsets.UTF_8);
  }
}
