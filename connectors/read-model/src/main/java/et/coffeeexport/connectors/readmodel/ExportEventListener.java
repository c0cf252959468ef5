package et.coffeeexport.connectors.readmodel;

import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.PeerConnections;
import et.coffeeexport.connectors.fabric.Signatory;
import io.grpc.ManagedChannel;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayRuntimeException;
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
  static final String CHAINCODE = "coffee-export";

  private final String name;
  private final ReadModel readModel;
  private final OrganisationProfile profile;
  private final Signatory signatory;
  private final List<Consumer<LedgerEvent>> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private volatile CloseableIterator<ChaincodeEvent> events;

  /**
   * @param name the checkpoint's name: one per listener
   * @param signatory any member of {@code profile}'s organisation (events requests are signed)
   */
  public ExportEventListener(
      String name, ReadModel readModel, OrganisationProfile profile, Signatory signatory) {
    this.name = name;
    this.readModel = readModel;
    this.profile = profile;
    this.signatory = signatory;
  }

  public void subscribe(Consumer<LedgerEvent> subscriber) {
    subscribers.add(subscriber);
  }

  @Override
  public void run() {
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      ManagedChannel channel = PeerConnections.open(profile, 0, profile.credentials("user1"));
      try (Gateway gateway =
          PeerConnections.gateway(
              channel,
              signatory.identity(),
              signatory.signer(),
              PeerConnections.CallDeadlines.DEFAULT)) {
        follow(gateway);
        backoff = Duration.ofMillis(200);
      } catch (GatewayRuntimeException e) {
        if (running) {
          log.warn(
              "chaincode events interrupted ({}); resuming from the checkpoint",
              e.getStatus().getCode());
        }
      } catch (IllegalStateException e) {
        log.warn("{}; resuming from the checkpoint", e.getMessage());
      } finally {
        channel.shutdownNow();
      }
      pause(backoff);
      backoff =
          backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
              ? Duration.ofSeconds(5)
              : backoff.multipliedBy(2);
    }
  }

  private void follow(Gateway gateway) {
    Optional<ReadModel.Checkpoint> from = readModel.checkpoint(name);
    var request =
        gateway
            .getNetwork(profile.channel())
            .newChaincodeEventsRequest(CHAINCODE)
            .startBlock(0)
            .checkpoint(checkpointOf(from))
            .build();
    try (CloseableIterator<ChaincodeEvent> iterator = request.getEvents()) {
      events = iterator;
      while (running && iterator.hasNext()) {
        ChaincodeEvent e = iterator.next();
        LedgerEvent event =
            new LedgerEvent(
                e.getBlockNumber(), e.getTransactionId(), e.getEventName(), e.getPayload());
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

  private static Checkpoint checkpointOf(Optional<ReadModel.Checkpoint> from) {
    return new Checkpoint() {
      @Override
      public java.util.OptionalLong getBlockNumber() {
        return from.map(c -> java.util.OptionalLong.of(c.blockNumber()))
            .orElse(java.util.OptionalLong.empty());
      }

      @Override
      public Optional<String> getTransactionId() {
        return from.map(ReadModel.Checkpoint::transactionId);
      }
    };
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
