package et.coffeeexport.connectors.fabric;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;

/**
 * A chaincode's committed events, in ledger order, from one of the listener's organisation's peers.
 * When that peer goes away the stream ends with {@link LedgerUnavailable} and the next stream is
 * opened on the organisation's next peer: resume from your checkpoint.
 */
public final class EventStream implements Iterator<EventStream.Event>, AutoCloseable {
  /** One event: the block and transaction that emitted it, its name and payload. */
  public record Event(long blockNumber, String transactionId, String name, byte[] payload) {}

  private final CloseableIterator<ChaincodeEvent> events;
  private final Runnable onFailure;
  private final AutoCloseable connection;

  EventStream(
      CloseableIterator<ChaincodeEvent> events, Runnable onFailure, AutoCloseable connection) {
    this.events = events;
    this.onFailure = onFailure;
    this.connection = connection;
  }

  @Override
  public boolean hasNext() {
    try {
      return events.hasNext();
    } catch (GatewayRuntimeException e) {
      onFailure.run();
      throw new LedgerUnavailable(
          "chaincode events interrupted (" + e.getStatus().getCode() + ")", null, e);
    }
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ChaincodeEvent e = events.next();
    return new Event(e.getBlockNumber(), e.getTransactionId(), e.getEventName(), e.getPayload());
  }

  @Override
  public void close() {
    events.close();
    try {
      connection.close();
    } catch (Exception e) {
      // Closing a gateway that already failed: nothing is left to release.
    }
  }
}
