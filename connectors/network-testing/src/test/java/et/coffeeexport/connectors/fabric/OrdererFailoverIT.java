package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.testing.RealNetwork;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kills the Raft leader with SIGKILL under a live client; prints the recovery figures (never
 * asserts on time).
 */
class OrdererFailoverIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();

  @Test
  void commitsResumeWhenTheRaftLeaderIsKilledAndTheRestartedOrdererCatchesUp() throws Exception {
    List<String> orderers = Arrays.asList(NETWORK.orderers().getProperty("orderers").split(" "));
    String leader = awaitLeader(orderers, null, Duration.ofSeconds(30)).orElseThrow();

    try (Member bank = new Member(NETWORK.profile("commercialbank"))) {
      bank.registerOfficer("it-" + UUID.randomUUID());
      NETWORK.kill9(leader);
      long killedAt = System.nanoTime();

      String committed = null;
      int attempts = 0;
      while (committed == null && System.nanoTime() - killedAt < Duration.ofSeconds(90).toNanos()) {
        attempts++;
        try {
          committed = bank.registerOfficer("it-" + UUID.randomUUID());
        } catch (
            Exception notYet) { // no leader yet, or the submit went to the dead orderer: try again
          Thread.sleep(200);
        }
      }
      double resumedAfter = seconds(killedAt);
      assertThat(committed)
          .as("a transaction commits after the leader is killed")
          .contains("\"active\":true");
      String newLeader = awaitLeader(orderers, leader, Duration.ofSeconds(30)).orElseThrow();
      assertThat(newLeader).isNotEqualTo(leader);

      long restartedAt = System.nanoTime();
      NETWORK.cli("start", "nodes");
      bank.registerOfficer("it-" + UUID.randomUUID());
      boolean caughtUp = awaitSameBlock(orderers, Duration.ofSeconds(60));
      double caughtUpAfter = seconds(restartedAt);
      System.out.printf(
          "FIGURES orderer failover: killed leader %s; first commit %.2f s after the kill (%d attempts); new leader %s;"
              + " restarted %s at equal height %.2f s after restart%n",
          leader, resumedAfter, attempts, newLeader, leader, caughtUpAfter);
      assertThat(caughtUp).as("%s catches up with the other orderers", leader).isTrue();
    }
  }

  private static Optional<String> awaitLeader(List<String> orderers, String not, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      Optional<String> leader =
          orderers.stream().filter(o -> !o.equals(not)).filter(NETWORK::isRaftLeader).findFirst();
      if (leader.isPresent()) {
        return leader;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  private static boolean awaitSameBlock(List<String> orderers, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      List<OptionalLong> blocks = orderers.stream().map(NETWORK::committedBlock).toList();
      if (blocks.stream().allMatch(OptionalLong::isPresent)
          && blocks.stream().mapToLong(OptionalLong::getAsLong).distinct().count() == 1) {
        return true;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return false;
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
