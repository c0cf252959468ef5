package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.testing.RealNetwork;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kills one organisation's peer with SIGKILL while others keep committing, then restarts it. */
class PeerRecoveryIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();

  @Test
  void killedPeerCatchesUpToTheSameHeightAndServesTheSameState() throws Exception {
    OrganisationProfile ecx = NETWORK.profile("ecx");
    OrganisationProfile bank = NETWORK.profile("commercialbank");
    var ecxPeer = ecx.peers().get(0);
    NETWORK.kill9(ecxPeer.name());

    Map<String, String> written = new LinkedHashMap<>();
    try (Member member = new Member(bank)) {
      for (int i = 0; i < 5; i++) {
        String id = "it-" + UUID.randomUUID();
        member.registerOfficer(id);
        written.put(id, "ACTIVE");
      }
    }
    assertThat(NETWORK.height(ecxPeer)).as("the killed peer is down").isEmpty();

    long restartedAt = System.nanoTime();
    NETWORK.cli("start", "nodes");
    long target = NETWORK.height(bank.peers().get(0)).orElseThrow();
    boolean caughtUp = false;
    while (!caughtUp && System.nanoTime() - restartedAt < Duration.ofSeconds(60).toNanos()) {
      OptionalLong height = NETWORK.height(ecxPeer);
      caughtUp = height.isPresent() && height.getAsLong() >= target;
      Thread.sleep(100);
    }
    System.out.printf(
        "FIGURES peer recovery: %s restarted (health-checked) and at height %d %.2f s after the restart began%n",
        ecxPeer.name(), target, OrdererFailoverIT.seconds(restartedAt));
    assertThat(caughtUp).as("%s catches up to height %d", ecxPeer.name(), target).isTrue();

    try (Member member = new Member(ecx)) {
      for (var entry : written.entrySet()) {
        assertThat(member.officerStatus(bank.mspId(), entry.getKey())).isEqualTo(entry.getValue());
      }
    }
  }
}
