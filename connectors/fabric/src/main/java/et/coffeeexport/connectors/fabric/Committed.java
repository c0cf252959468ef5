package et.coffeeexport.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A transaction the ledger committed as valid: its id, its block, the chaincode's result, and how
 * many attempts it took (fresh endorsements after read conflicts, resubmissions, status queries).
 */
record Committed(String transactionId, long blockNumber, byte[] result, int attempts) {
  String resultText() {
    return new String(result, StandardCharsets.UTF_8);
  }

  /** The chaincode's answer read as {@code type}, with this transaction. */
  <T> Written<T> written(Class<T> type) {
    return new Written<>(Answers.read(result, type), transactionId, blockNumber);
  }

  /** The chaincode's answer as a JSON tree, with this transaction. */
  Written<JsonNode> writtenTree() {
    return new Written<>(Answers.tree(result), transactionId, blockNumber);
  }
}
