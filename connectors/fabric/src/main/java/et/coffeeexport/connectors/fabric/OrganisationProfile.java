package et.coffeeexport.connectors.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How to reach one organisation's part of the network: its MSP id, its peers and their TLS root,
 * and the credentials the network scripts enrolled for it. Read from the connection profile {@code
 * network/scripts/profiles.sh} writes.
 *
 * @param org the organisation's short name, as in network.conf
 * @param peers the organisation's peers, peer0 first
 */
public record OrganisationProfile(
    String org,
    String mspId,
    String channel,
    Path tlsCaCert,
    List<PeerEndpoint> peers,
    Properties source) {

  /** Loads {@code <dir>/<org>.properties}. */
  public static OrganisationProfile load(Path dir, String org) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(dir.resolve(org + ".properties"))) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no connection profile for organisation " + org + " in " + dir, e);
    }
    List<PeerEndpoint> peers = new ArrayList<>();
    int count = Integer.parseInt(required(p, "peers"));
    for (int i = 0; i < count; i++) {
      peers.add(
          new PeerEndpoint(
              required(p, "peer." + i + ".name"),
              required(p, "peer." + i + ".endpoint"),
              required(p, "peer." + i + ".operations")));
    }
    return new OrganisationProfile(
        org,
        required(p, "mspId"),
        required(p, "channel"),
        Path.of(required(p, "tlsCaCert")),
        List.copyOf(peers),
        p);
  }

  /** The enrolled credentials named {@code who} ({@code admin}, {@code platform}). */
  public Credentials credentials(String who) {
    return new Credentials(
        mspId,
        Path.of(required(source, who + ".cert")),
        Path.of(required(source, who + ".key")),
        Path.of(required(source, who + ".tlsCert")),
        Path.of(required(source, who + ".tlsKey")));
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("connection profile lacks " + key);
    }
    return value;
  }

  /** One peer: its TLS host name, its gRPC endpoint and its operations (health, metrics) URL. */
  public record PeerEndpoint(String name, String endpoint, String operationsUrl) {}
}
