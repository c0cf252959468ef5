package et.coffeeexport.connectors.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Connections to an organisation's peers through the Fabric Gateway. A gRPC channel is expensive
 * and safe to share: open one per peer and connect as many gateways (one per signing identity) over
 * it as needed.
 */
public final class PeerConnections {
  private PeerConnections() {}

  /**
   * Opens a mutually authenticated TLS channel to the organisation's peer {@code index}.
   *
   * @param tlsClient whose TLS client certificate to present; peers refuse connections without one
   */
  public static ManagedChannel open(OrganisationProfile org, int index, Credentials tlsClient) {
    try {
      ChannelCredentials tls =
          TlsChannelCredentials.newBuilder()
              .trustManager(org.tlsCaCert().toFile())
              .keyManager(tlsClient.tlsCert().toFile(), tlsClient.tlsKey().toFile())
              .build();
      return open(org.peers().get(index), tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a channel to {@code peer} with the given transport credentials. */
  public static ManagedChannel open(
      OrganisationProfile.PeerEndpoint peer, ChannelCredentials credentials) {
    // Certificates name the peer by its host name; the endpoint may be a bare address.
    return Grpc.newChannelBuilder(peer.endpoint(), credentials)
        .overrideAuthority(peer.name())
        .build();
  }

  /**
   * A gateway over {@code channel} that signs as {@code signer}, with a deadline on every kind of
   * call.
   */
  public static Gateway gateway(
      ManagedChannel channel, Credentials signer, CallDeadlines deadlines) {
    return gateway(channel, signer.identity(), signer.signer(), deadlines);
  }

  /** A gateway over {@code channel} for an identity whose key is held elsewhere (a wallet). */
  public static Gateway gateway(
      ManagedChannel channel, Identity identity, Signer signer, CallDeadlines deadlines) {
    return Gateway.newInstance()
        .identity(identity)
        .signer(signer)
        .hash(Hash.SHA256)
        .connection(channel)
        .evaluateOptions(
            o -> o.withDeadlineAfter(millis(deadlines.evaluate()), TimeUnit.MILLISECONDS))
        .endorseOptions(
            o -> o.withDeadlineAfter(millis(deadlines.endorse()), TimeUnit.MILLISECONDS))
        .submitOptions(o -> o.withDeadlineAfter(millis(deadlines.submit()), TimeUnit.MILLISECONDS))
        .commitStatusOptions(
            o -> o.withDeadlineAfter(millis(deadlines.commitStatus()), TimeUnit.MILLISECONDS))
        .connect();
  }

  private static long millis(Duration d) {
    return d.toMillis();
  }

  /**
   * Deadlines per call kind; see {@link #DEFAULT} for values that suit a loaded two-core machine.
   */
  public record CallDeadlines(
      Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
    public static final CallDeadlines DEFAULT =
        new CallDeadlines(
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(5),
            Duration.ofMinutes(1));
  }
}
