package et.coffeeexport.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.identity.wallet.CertificateAuthorities;
import et.coffeeexport.identity.wallet.KeyEncryptionKey;
import et.coffeeexport.identity.wallet.KeycloakDirectory;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.LedgerOfficerRegistry;
import et.coffeeexport.identity.wallet.Wallet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Camunda's share of a decision's latency: the same transition (Commercial Bank's verification)
 * taken by officers completing their tasks through the engine REST API (task → delegate → signed
 * ledger commit → process advanced), and submitted directly through the connector with the same
 * officer's identity. Prints figures; run with {@code network/cec bench-workflow [exports]
 * [concurrency]} against the running platform.
 */
public final class WorkflowBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkflowBenchmark() {}

  public static void main(String[] args) throws Exception {
    int exports = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    RealNetwork network = new RealNetwork();
    ExportFixture.ready(network);
    List<String> viaWorkflow = file(exports, concurrency);
    List<String> direct = file(exports, concurrency);
    System.out.printf("filed %d exports through the submission API%n", 2 * exports);

    String token = ExportFixture.tokens.get("commercial-bank.officer");
    // The officer's task list is read before timing: only the decision itself is measured.
    java.util.Map<String, String> taskOf = new java.util.concurrent.ConcurrentHashMap<>();
    for (String id : viaWorkflow) {
      JsonNode tasks =
          JSON.readTree(
              Workflow.get(
                      "task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=Review", token)
                  .body());
      taskOf.put(id, tasks.get(0).get("id").asText());
    }
    var officer = identities(network).forUsername("commercial-bank.officer");
    var ledger = network.connector();
    List<Long> completions = java.util.Collections.synchronizedList(new ArrayList<>());
    Result workflow =
        run(
            viaWorkflow,
            concurrency,
            id -> {
              String body = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
              long asked = System.nanoTime();
              var done = Workflow.complete(taskOf.get(id), token, body);
              completions.add(System.nanoTime() - asked);
              if (done.statusCode() / 100 != 2) {
                throw new IllegalStateException(done.body());
              }
              // The ledger step runs in a job after the completion: the decision is taken when
              // the ledger shows it.
              awaitStatus(ledger, officer, id, ExportStatus.BANK_VERIFIED);
            });
    try (ledger) {
      Result connector =
          run(
              direct,
              concurrency,
              id -> ledger.coffeeExport().take(officer, ExportAction.VERIFY_AT_BANK, id, "{}"));
      System.out.println();
      System.out.printf(
          "%-44s %6s %8s %8s %8s%n", "verifyAtBank (bank intake)", "n", "tx/s", "p50 ms", "p99 ms");
      new Result(completions, workflow.seconds())
          .print("  of which the completion request (officer waits)");
      workflow.print("task completed, decision on the ledger");
      connector.print("direct connector submit");
      System.out.printf(
          "FIGURES Camunda's share: task completion to decision on the ledger / direct submit p50 latency %.2f, p99 %.2f (target <= 1.2); the officer's completion request p50 %.0f ms%n",
          workflow.p(50) / connector.p(50),
          workflow.p(99) / connector.p(99),
          new Result(completions, workflow.seconds()).p(50));
    }
    System.exit(0);
  }

  /** Polls the ledger (every 20 ms) until the export has {@code status}. */
  private static void awaitStatus(
      et.coffeeexport.connectors.fabric.Ledger ledger,
      et.coffeeexport.connectors.fabric.Signatory reader,
      String exportId,
      ExportStatus status)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (ledger.coffeeExport().readExport(reader, exportId).status() != status) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(exportId + " did not reach " + status + " within 60 s");
      }
      Thread.sleep(20);
    }
  }

  private interface Step {
    void run(String exportId) throws Exception;
  }

  private record Result(List<Long> nanos, double seconds) {
    double p(int percentile) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }

    void print(String what) {
      System.out.printf(
          "%-44s %6d %8.1f %8.0f %8.0f%n",
          what, nanos.size(), nanos.size() / seconds, p(50), p(99));
    }
  }

  private static Result run(List<String> ids, int concurrency, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> calls = new ArrayList<>();
    long start = System.nanoTime();
    for (String id : ids) {
      calls.add(
          pool.submit(
              () -> {
                long t = System.nanoTime();
                step.run(id);
                nanos.add(System.nanoTime() - t);
                return null;
              }));
    }
    for (Future<?> f : calls) {
      f.get();
    }
    pool.shutdown();
    return new Result(nanos, (System.nanoTime() - start) / 1e9);
  }

  private static List<String> file(int n, int concurrency) throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add("bench-" + UUID.randomUUID());
    }
    run(
        keys,
        concurrency,
        key -> {
          var filed = ExportFixture.file(key, ExportFixture.filing());
          String id = JSON.readTree(filed.body()).get("exportId").asText();
          ExportFixture.upload(ExportFixture.exporterToken(), id, "SALES_CONTRACT");
          ids.add(id);
        });
    return ids;
  }

  private static LedgerIdentities identities(RealNetwork network) throws Exception {
    Path secrets = network.state.resolve("secrets");
    var database = new PGSimpleDataSource();
    database.setUrl("jdbc:postgresql://127.0.0.1:5432/workflow");
    database.setUser("workflow");
    database.setPassword(Files.readString(secrets.resolve("postgres-workflow")).trim());
    return new LedgerIdentities(
        new Wallet(database, KeyEncryptionKey.load(secrets.resolve("wallet-kek"))),
        new CertificateAuthorities(network.connections, secrets, Duration.ofSeconds(10)),
        new KeycloakDirectory(
            URI.create("http://localhost:8180"),
            "coffee-export",
            "camunda-identity-service",
            Files.readString(secrets.resolve("keycloak-client-identity")).trim(),
            Duration.ofSeconds(10)),
        new LedgerOfficerRegistry(network.connector().userManagement(), network.connections));
  }
}
