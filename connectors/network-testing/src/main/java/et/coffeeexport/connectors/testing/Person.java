package et.coffeeexport.connectors.testing;

import et.coffeeexport.connectors.fabric.Credentials;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.PeerConnections;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;

/**
 * A person enrolled with their organisation's CA, acting through that organisation's own peer
 * gateway.
 */
public final class Person implements AutoCloseable {
  public final OrganisationProfile org;
  public final Credentials credentials;
  private final ManagedChannel channel;
  private final Gateway gateway;

  public Person(OrganisationProfile org, Credentials credentials) {
    this.org = org;
    this.credentials = credentials;
    this.channel = PeerConnections.open(org, 0, credentials);
    this.gateway =
        PeerConnections.gateway(channel, credentials, PeerConnections.CallDeadlines.DEFAULT);
  }

  /** The gateway this person acts through, for what {@link #contract} does not cover. */
  public Gateway gateway() {
    return gateway;
  }

  public Network network() {
    return gateway.getNetwork(org.channel());
  }

  public Contract contract(String chaincode, String contract) {
    return network().getContract(chaincode, contract);
  }

  /** Submits and waits for the commit; returns the result as text. */
  public String submit(String chaincode, String contract, String transaction, String... args)
      throws Exception {
    return new String(
        contract(chaincode, contract).submitTransaction(transaction, args), StandardCharsets.UTF_8);
  }

  public String evaluate(String chaincode, String contract, String transaction, String... args)
      throws Exception {
    return new String(
        contract(chaincode, contract).evaluateTransaction(transaction, args),
        StandardCharsets.UTF_8);
  }

  /** Submits with transient data, endorsed only by {@code endorsers}, and waits for the commit. */
  public String submitPrivately(
      String transaction, Map<String, byte[]> transientData, String[] endorsers, String... args)
      throws Exception {
    byte[] result =
        contract("coffee-export", "ExportContract")
            .newProposal(transaction)
            .addArguments(args)
            .putAllTransient(transientData)
            .setEndorsingOrganizations(endorsers)
            .build()
            .endorse()
            .submit();
    return new String(result, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    gateway.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
