package et.coffeeexport.connectors.fabric;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;

/**
 * An organisation's administrator, connected through that organisation's peer0 gateway. Registering
 * an officer in the participant registry is the network tests' transaction: it needs nothing else
 * on the ledger first.
 */
final class Member implements AutoCloseable {
  final OrganisationProfile org;
  private final ManagedChannel channel;
  private final Gateway gateway;

  Member(OrganisationProfile org) {
    this.org = org;
    Credentials user = org.credentials("admin");
    this.channel = PeerConnections.open(org, 0, user);
    this.gateway = PeerConnections.gateway(channel, user, PeerConnections.CallDeadlines.DEFAULT);
  }

  Contract registry() {
    return gateway.getNetwork(org.channel()).getContract("user-management");
  }

  /** Registers a new officer of this organisation; returns the stored record. */
  String registerOfficer(String enrollmentId) throws Exception {
    byte[] result =
        registry()
            .submitTransaction("registerOfficer", enrollmentId, "officer", "kc-" + enrollmentId);
    return new String(result, StandardCharsets.UTF_8);
  }

  /** Reads an officer's status, as this organisation's peer has it. */
  String officerStatus(String mspId, String enrollmentId) throws Exception {
    return new String(
        registry().evaluateTransaction("officerStatus", mspId, enrollmentId),
        StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    gateway.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
