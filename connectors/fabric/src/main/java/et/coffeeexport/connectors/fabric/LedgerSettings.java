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

  /** The same settings with another budget per submission. */
  public LedgerSettings withSubmitBudget(Duration budget) {
    return new LedgerSettings(deadlines, budget, evaluateBudget, initialBackoff, maxBackoff);
  }

  /**
   * The call deadlines, none beyond {@code left}: a call started near the end of a budget must not
   * outlast it.
   */
  PeerConnections.CallDeadlines within(Duration left) {
    Duration floor = Duration.ofMillis(100);
    Duration cap = left.compareTo(floor) < 0 ? floor : left;
    return new PeerConnections.CallDeadlines(
        min(deadlines.evaluate(), cap),
        min(deadlines.endorse(), cap),
        min(deadlines.submit(), cap),
        min(deadlines.commitStatus(), cap));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
