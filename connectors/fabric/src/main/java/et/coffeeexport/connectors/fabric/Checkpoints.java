package et.coffeeexport.connectors.fabric;

import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.Checkpoint;

/** A listener's position as the gateway takes it: a block, and the last transaction handled. */
final class Checkpoints {
  private Checkpoints() {}

  /** {@code startBlock} negative: no checkpoint yet, read from the first block. */
  static Checkpoint at(long startBlock, String afterTransaction) {
    return new Checkpoint() {
      @Override
      public OptionalLong getBlockNumber() {
        return startBlock < 0 ? OptionalLong.empty() : OptionalLong.of(startBlock);
      }

      @Override
      public Optional<String> getTransactionId() {
        return Optional.ofNullable(afterTransaction);
      }
    };
  }
}
