package et.coffeeexport.connectors.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real network for integration tests. Reuses the one {@code network/cec up} started; when none runs, starts it
 * and stops it again after the last test of the run, so tests leave nothing of their own running. When the build
 * says the Fabric binaries cannot be had on this machine ({@code -Dcec.network.unavailable=reason}), the tests are
 * skipped with that reason, never passed.
 */
final class RealNetwork implements BeforeAllCallback {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path home = Path.of(System.getProperty("cec.home", "..")).toAbsolutePath().normalize();
  final Path state =
      Optional.ofNullable(System.getenv("CEC_STATE_DIR")).map(Path::of).orElse(home.resolve(".state"));
  final Path connections = state.resolve("connections");

  @Override
  public void beforeAll(ExtensionContext context) {
    String unavailable = System.getProperty("cec.network.unavailable");
    Assumptions.assumeTrue(unavailable == null || unavailable.isBlank(), () -> "SKIPPED: " + unavailable);
    ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    root.getOrComputeIfAbsent(RealNetwork.class, key -> ensureRunning(), Object.class);
  }

  private Object ensureRunning() {
    if (isRunning()) {
      return (ExtensionContext.Store.CloseableResource) () -> {};
    }
    cli("up");
    return (ExtensionContext.Store.CloseableResource) () -> cli("down");
  }

  private boolean isRunning() {
    if (!Files.isDirectory(connections)) {
      return false;
    }
    return orgs().stream().allMatch(org -> height(profile(org).peers().get(0)).isPresent());
  }

  List<String> orgs() {
    return Arrays.asList(runtime().getProperty("orgs", "").split(" "));
  }

  OrganisationProfile profile(String org) {
    return OrganisationProfile.load(connections, org);
  }

  Properties orderers() {
    return properties(connections.resolve("orderer.properties"));
  }

  /**
   * Registers (once) and enrolls a person with their organisation's Fabric CA, with certificate attributes.
   *
   * @param attributes fabric-ca syntax: {@code role=officer:ecert,uid=kc-1:ecert}
   */
  Credentials enroll(String org, String enrollmentId, String attributes) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(home.resolve("network/scripts/enroll.sh").toString(), org, enrollmentId, attributes)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String dir = new String(process.getInputStream().readAllBytes()).trim();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("enrolling " + enrollmentId + " at " + org + " failed");
    }
    Path d = Path.of(dir);
    return new Credentials(profile(org).mspId(), d.resolve("msp/signcerts/cert.pem"), d.resolve("msp/keystore/key.pem"),
        d.resolve("tls/server.crt"), d.resolve("tls/server.key"));
  }

  /** Runs a command of the operator CLI and fails the test when it fails. */
  void cli(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = home.resolve("network/cec").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("network/cec " + String.join(" ", args) + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGKILL to a node by its process name (as in the state folder's pid files). */
  void kill9(String process) throws IOException, InterruptedException {
    String pidFile = Files.readString(state.resolve("pids").resolve(process + ".pid")).trim();
    long pid = Long.parseLong(pidFile.split(" ")[0]);
    ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(process + " is not running")).destroyForcibly();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(50);
    }
  }

  /** The peer's ledger height on the channel, read from its Prometheus metrics; empty when it does not answer. */
  OptionalLong height(OrganisationProfile.PeerEndpoint peer) {
    return metric(peer.operationsUrl(), "ledger_blockchain_height");
  }

  /** An orderer's last committed block on the channel; empty when it does not answer. */
  OptionalLong committedBlock(String orderer) {
    return metric(orderers().getProperty(orderer + ".operations"), "consensus_etcdraft_committed_block_number");
  }

  boolean isRaftLeader(String orderer) {
    return metric(orderers().getProperty(orderer + ".operations"), "consensus_etcdraft_is_leader").orElse(0) == 1;
  }

  private OptionalLong metric(String operationsUrl, String name) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(operationsUrl + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      String prefix = name + "{channel=\"" + runtimeChannel() + "\"} ";
      return response.body().lines()
          .filter(line -> line.startsWith(prefix))
          .mapToLong(line -> (long) Double.parseDouble(line.substring(prefix.length())))
          .findFirst();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  private String runtimeChannel() {
    return orderers().getProperty("channel");
  }

  private Properties runtime() {
    return properties(connections.resolve("runtime.properties"));
  }

  private static Properties properties(Path file) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
