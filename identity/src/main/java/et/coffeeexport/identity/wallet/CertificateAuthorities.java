package et.coffeeexport.identity.wallet;

import et.coffeeexport.identity.enrolment.Enrolment;
import et.coffeeexport.identity.enrolment.FabricCa;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each organisation's Fabric CA and the registrar the platform acts as there. Endpoints come from
 * the connection profiles the network scripts write; the registrar's secret from the state folder.
 *
 * <p>The registrar is not the CA's bootstrap administrator but the enrolment registrar {@code
 * network/scripts/crypto.sh} registers for the application: it may register, modify and revoke
 * client identities of the {@code users} affiliation with the attributes {@code role}, {@code uid}
 * and {@code exporterId}, and nothing else (no admin, node or registrar; no {@code hf.*} attribute;
 * not the administrator, the nodes or the platform's own identity).
 */
public final class CertificateAuthorities {
  /** The enrolment registrar's name at every organisation's identity CA. */
  public static final String REGISTRAR = "registrar";

  private final Path connections;
  private final Path secrets;
  private final Duration deadline;
  private final Map<String, Ca> byOrg = new ConcurrentHashMap<>();

  public CertificateAuthorities(Path connections, Path secrets, Duration deadline) {
    this.connections = connections;
    this.secrets = secrets;
    this.deadline = deadline;
  }

  /** The CA of {@code org} (network short name). */
  Ca of(String org) {
    return byOrg.computeIfAbsent(org, this::load);
  }

  /** The organisation's MSP id, as in its connection profile. */
  String mspId(String org) {
    return of(org).mspId;
  }

  private Ca load(String org) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(connections.resolve(org + ".properties"))) {
      p.load(in);
      String secret = Files.readString(registrarSecret(secrets, org)).trim();
      return new Ca(
          new FabricCa(
              URI.create(p.getProperty("caUrl")),
              p.getProperty("caName"),
              Path.of(p.getProperty("caTlsCert")),
              deadline),
          p.getProperty("mspId"),
          secret);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no CA configuration or enrolment registrar for organisation " + org, e);
    }
  }

  /** Where the state folder keeps the secret of {@code org}'s enrolment registrar. */
  public static Path registrarSecret(Path secrets, String org) {
    return secrets.resolve("ca-" + org + "-registrar");
  }

  /** One CA; the registrar enrols lazily, once per process, as the enrolment registrar. */
  static final class Ca {
    final FabricCa client;
    final String mspId;
    private final String registrarSecret;
    private volatile Enrolment registrar;

    Ca(FabricCa client, String mspId, String registrarSecret) {
      this.client = client;
      this.mspId = mspId;
      this.registrarSecret = registrarSecret;
    }

    Enrolment registrar() {
      Enrolment r = registrar;
      if (r == null) {
        synchronized (this) {
          if (registrar == null) {
            registrar = client.enroll(REGISTRAR, registrarSecret);
          }
          r = registrar;
        }
      }
      return r;
    }
  }
}
