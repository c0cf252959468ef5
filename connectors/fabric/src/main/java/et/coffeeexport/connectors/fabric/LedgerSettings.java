package et.coffeeexport.connectors.fabric;

import java.time.Duration;

/**
 * How long the connector keeps trying: per gRPC call ({@code deadlines}), and per submission or
 * query in all, retries included ({@code submitBudget} should outlast a peer restart).
 */
public record LedgerSettings(
    PeerConnections.CallDeadlines deadlines,
    Duration submitBudget,
    Duration evaluateBudget,
    Duration initialBackoff,
    Duration maxBackoff) {

  public static final LedgerSettings DEFAULT =
      new LedgerSettings(
          PeerConnections.CallDeadlines.DEFAULT,
          Duration.ofSeconds(90),
          Duration.ofSeconds(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(2));
}
