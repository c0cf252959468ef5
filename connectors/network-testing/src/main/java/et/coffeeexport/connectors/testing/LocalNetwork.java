package et.coffeeexport.connectors.testing;

import et.coffeeexport.connectors.fabric.Credentials;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerSettings;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
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

/**
 * The network that {@code network/cec} runs on this machine, as tests and benchmarks need it:
 * connection profiles, people enrolled from the organisations' CAs, node heights and Raft
 * leadership from the operations endpoints, and faults (SIGKILL of a node, restart).
 */
public class LocalNetwork {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public final Path home =
      Path.of(System.getProperty("cec.home", "..")).toAbsolutePath().normalize();
  public final Path state =
      Optional.ofNullable(System.getenv("CEC_STATE_DIR"))
          .map(Path::of)
          .orElse(home.resolve(".state"));
  public final Path connections = state.resolve("connections");

  /** Whether every organisation's peer0 answers on its operations endpoint. */
  public boolean isRunning() {
    if (!Files.isDirectory(connections)) {
      return false;
    }
    return orgs().stream().allMatch(org -> height(profile(org).peers().get(0)).isPresent());
  }

  /** The platform's ledger connector, connecting with each organisation's admin TLS identity. */
  public Ledger connector() {
    return Ledger.connect(
        this::profile, org -> profile(org).credentials("admin"), LedgerSettings.DEFAULT);
  }

  public List<String> orgs() {
    return Arrays.asList(runtime().getProperty("orgs", "").split(" "));
  }

  public OrganisationProfile profile(String org) {
    return OrganisationProfile.load(connections, org);
  }

  public Properties orderers() {
    return properties(connections.resolve("orderer.properties"));
  }

  /**
   * Registers (once) and enrolls a person with their organisation's Fabric CA, with certificate
   * attributes.
   *
   * @param attributes fabric-ca syntax: {@code role=officer:ecert,uid=kc-1:ecert}
   */
  public Credentials enroll(String org, String enrollmentId, String attributes)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                home.resolve("network/scripts/enroll.sh").toString(), org, enrollmentId, attributes)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String dir = new String(process.getInputStream().readAllBytes()).trim();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("enrolling " + enrollmentId + " at " + org + " failed");
    }
    Path d = Path.of(dir);
    return new Credentials(
        profile(org).mspId(),
        d.resolve("msp/signcerts/cert.pem"),
        d.resolve("msp/keystore/key.pem"),
        d.resolve("tls/server.crt"),
        d.resolve("tls/server.key"));
  }

  /** Runs a command of the operator CLI and fails the test when it fails. */
  public void cli(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = home.resolve("network/cec").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    run(command);
  }

  private static void run(String... command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs one of {@code network/scripts} and fails the test when it fails. */
  public void script(String name, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = home.resolve("network/scripts").resolve(name).toString();
    System.arraycopy(args, 0, command, 1, args.length);
    run(command);
  }

  /** Sends SIGKILL to a node by its process name (as in the state folder's pid files). */
  public void kill9(String process) throws IOException, InterruptedException {
    String pidFile = Files.readString(state.resolve("pids").resolve(process + ".pid")).trim();
    long pid = Long.parseLong(pidFile.split(" ")[0]);
    ProcessHandle.of(pid)
        .orElseThrow(() -> new IllegalStateException(process + " is not running"))
        .destroyForcibly();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(50);
    }
  }

  /**
   * The peer's ledger height on the channel, read from its Prometheus metrics; empty when it does
   * not answer.
   */
  public OptionalLong height(OrganisationProfile.PeerEndpoint peer) {
    return metric(peer.operationsUrl(), "ledger_blockchain_height");
  }

  /** Waits until every peer reports the same height; returns the distinct heights seen last. */
  public List<Long> awaitEqualHeights(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Long> distinct;
    do {
      List<Long> heights = new java.util.ArrayList<>();
      for (String org : orgs()) {
        for (var peer : profile(org).peers()) {
          OptionalLong h = height(peer);
          heights.add(h.isPresent() ? h.getAsLong() : -1);
        }
      }
      distinct = heights.stream().distinct().toList();
      if (distinct.size() == 1 && distinct.get(0) > 0) {
        return distinct;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return distinct;
  }

  /** An orderer's last committed block on the channel; empty when it does not answer. */
  public OptionalLong committedBlock(String orderer) {
    return metric(
        orderers().getProperty(orderer + ".operations"),
        "consensus_etcdraft_committed_block_number");
  }

  public boolean isRaftLeader(String orderer) {
    return metric(orderers().getProperty(orderer + ".operations"), "consensus_etcdraft_is_leader")
            .orElse(0)
        == 1;
  }

  private OptionalLong metric(String operationsUrl, String name) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(operationsUrl + "/metrics"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String prefix = name + "{channel=\"" + runtimeChannel() + "\"} ";
      return response
          .body()
          .lines()
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
