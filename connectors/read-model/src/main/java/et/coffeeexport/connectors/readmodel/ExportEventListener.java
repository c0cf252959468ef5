package et.coffeeexport.connectors.readmodel;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.EventStream;
import et.coffeeexport.connectors.fabric.LedgerUnavailable;
import et.coffeeexport.connectors.fabric.Signatory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code coffee-export} chaincode's events from the read model's checkpoint and applies
 * each in the same database transaction that moves the checkpoint, so a crash at any point resumes
 * with no gap and no duplicate. When the peer goes away it reconnects and resumes from the
 * checkpoint. Subscribers (cache invalidation) hear of each event after it is committed.
 */
public final class ExportEventListener implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExportEventListener.class);

  private final String name;
  private final ReadModel readModel;
  private final CoffeeExportChaincode ledger;
  private final Signatory signatory;
  private final List<Consumer<LedgerEvent>> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private volatile EventStream events;

  /**
   * @param name the checkpoint's name: one per listener
   * @param signatory the platform's own identity in the organisation whose peers it follows (events
   *     requests are signed); any of that organisation's peers answers
   */
  public ExportEventListener(
      String name, ReadModel readModel, CoffeeExportChaincode ledger, Signatory signatory) {
    this.name = name;
    this.readModel = readModel;
    this.ledger = ledger;
    this.signatory = signatory;
  }

  public void subscribe(Consumer<LedgerEvent> subscriber) {
    subscribers.add(subscriber);
  }

  @Override
  public void run() {
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        follow();
        backoff = Duration.ofMillis(200);
      } catch (LedgerUnavailable e) {
        if (running) {
          log.warn("{}; resuming from the checkpoint on the next peer", e.getMessage());
        }
      } catch (IllegalStateException e) {
        log.warn("{}; resuming from the checkpoint", e.getMessage());
      }
      pause(backoff);
      backoff =
          backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
              ? Duration.ofSeconds(5)
              : backoff.multipliedBy(2);
    }
  }

  private void follow() {
    Optional<ReadModel.Checkpoint> from = readModel.checkpoint(name);
    try (EventStream stream =
        ledger.events(
            signatory,
            from.map(ReadModel.Checkpoint::blockNumber).orElse(-1L),
            from.map(ReadModel.Checkpoint::transactionId).orElse(null))) {
      events = stream;
      while (running && stream.hasNext()) {
        EventStream.Event e = stream.next();
        LedgerEvent event =
            new LedgerEvent(e.blockNumber(), e.transactionId(), e.name(), e.payload());
        try {
          if (readModel.apply(name, event)) {
            subscribers.forEach(s -> s.accept(event));
          }
        } catch (SQLException ex) {
          // Nothing was applied; the checkpoint did not move. Reconnect and read the event again.
          throw new IllegalStateException("the read model database failed", ex);
        }
      }
    }
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    var current = events;
    if (current != null) {
      current.close();
    }
  }
}
