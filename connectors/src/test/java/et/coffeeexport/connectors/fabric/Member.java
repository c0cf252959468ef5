package et.coffeeexport.connectors.fabric;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;

/** A client user of one organisation, connected through that organisation's peer0 gateway. */
final class Member implements AutoCloseable {
  final OrganisationProfile org;
  private final ManagedChannel channel;
  private final Gateway gateway;

  Member(OrganisationProfile org) {
    this.org = org;
    Credentials user = org.credentials("user1");
    this.channel = PeerConnections.open(org, 0, user);
    this.gateway = PeerConnections.gateway(channel, user, PeerConnections.CallDeadlines.DEFAULT);
  }

  Contract coffeeExport() {
    return gateway.getNetwork(org.channel()).getContract("coffee-export");
  }

  String createExport(String exportId) throws Exception {
    byte[] result =
        coffeeExport().submitTransaction("createExport", exportId, "EXPORTER-IT", "{\"grade\":\"G2\",\"bags\":320}");
    return new String(result, StandardCharsets.UTF_8);
  }

  String readExport(String exportId) throws Exception {
    return new String(coffeeExport().evaluateTransaction("readExport", exportId), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    gateway.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
