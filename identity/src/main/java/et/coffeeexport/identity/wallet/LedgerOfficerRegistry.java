package et.coffeeexport.identity.wallet;

import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.PeerConnections;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;

/**
 * The officer registry on the ledger, written by each organisation's administrator (the chaincode
 * lets only an organisation's admin manage its officers), through that organisation's own peer.
 */
public final class LedgerOfficerRegistry implements OfficerRegistry, AutoCloseable {
  private static final String CHAINCODE = "user-management";
  private static final String CONTRACT = "ParticipantContract";

  private final Path connections;
  private final Map<String, Connection> byOrg = new ConcurrentHashMap<>();

  public LedgerOfficerRegistry(Path connections) {
    this.connections = connections;
  }

  @Override
  public void registerOfficer(String org, String enrollmentId, String role, String userId) {
    submit(org, "registerOfficer", enrollmentId, role, userId);
  }

  @Override
  public void deactivateOfficer(String org, String enrollmentId) {
    submit(org, "deactivateOfficer", enrollmentId);
  }

  private void submit(String org, String transaction, String... args) {
    Connection c = byOrg.computeIfAbsent(org, this::connect);
    try {
      c.gateway
          .getNetwork(c.profile.channel())
          .getContract(CHAINCODE, CONTRACT)
          .submitTransaction(transaction, args);
    } catch (GatewayException | CommitException e) {
      throw new IllegalStateException(
          "the officer registry refused " + transaction + " at " + org + ": " + e.getMessage(), e);
    }
  }

  private Connection connect(String org) {
    OrganisationProfile profile = OrganisationProfile.load(connections, org);
    var admin = profile.credentials("admin");
    ManagedChannel channel = PeerConnections.open(profile, 0, admin);
    return new Connection(
        profile,
        channel,
        PeerConnections.gateway(channel, admin, PeerConnections.CallDeadlines.DEFAULT));
  }

  @Override
  public void close() {
    byOrg.values().forEach(Connection::close);
  }

  private record Connection(OrganisationProfile profile, ManagedChannel channel, Gateway gateway) {
    void close() {
      gateway.close();
      channel.shutdownNow();
    }
  }
}
