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
    // The officer's task list is read, and each task claimed, before timing: in Tasklist an
    // officer claims a task when they take it up, before reading the export and deciding; only
    // the decision itself ("Complete") is measured. The claims are timed apart.
    java.util.Map<String, String> taskOf = new java.util.concurrent.ConcurrentHashMap<>();
    List<Long> claims = new ArrayList<>();
    for (String id : viaWorkflow) {
      JsonNode tasks =
          JSON.readTree(
              Workflow.get(
                      "task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=Review", token)
                  .body());
      String taskId = tasks.get(0).get("id").asText();
      long asked = System.nanoTime();
      var claimed =
          Workflow.call(
              "POST",
              "task/" + taskId + "/claim",
              token,
              "{\"userId\":\"commercial-bank.officer\"}");
      claims.add(System.nanoTime() - asked);
      if (claimed.statusCode() != 204) {
        throw new IllegalStateException(claimed.body());
      }
      taskOf.put(id, taskId);
    }
    var officer = identities(network).forUsername("commercial-bank.officer");
    var ledger = network.connector();
    // The decision counts as on the ledger when its block's event reaches a listener, the moment
    // a direct submit's commit status answers: one export decided directly gives the block to
    // listen from.
    String first = file(1, 1).get(0);
    var start = ledger.coffeeExport().take(officer, ExportAction.VERIFY_AT_BANK, first, "{}");
    var committed =
        new CommitWatch(
            ledger.coffeeExport().events(officer, start.blockNumber(), start.transactionId()));
    List<Long> completions = java.util.Collections.synchronizedList(new ArrayList<>());
    Result workflow =
        run(
            viaWorkflow,
            concurrency,
            id -> {
              String body = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
              var onLedger = committed.next(id);
              long asked = System.nanoTime();
              var done = Workflow.call("POST", "task/" + taskOf.get(id) + "/complete", token, body);
              completions.add(System.nanoTime() - asked);
              if (done.statusCode() / 100 != 2) {
                throw new IllegalStateException(done.body());
              }
              // The ledger step runs in a job after the completion: the decision is taken when
              // its block is committed.
              long decided = onLedger.get(60, java.util.concurrent.TimeUnit.SECONDS);
              // The event was the decision's, not another step's.
              awaitStatus(ledger, officer, id, ExportStatus.BANK_VERIFIED);
              return decided - asked;
            });
    try (ledger) {
      Result connector =
          run(
              direct,
              concurrency,
              id -> {
                long asked = System.nanoTime();
                ledger.coffeeExport().take(officer, ExportAction.VERIFY_AT_BANK, id, "{}");
                return System.nanoTime() - asked;
              });
      System.out.println();
      System.out.printf(
          "%-44s %6s %8s %8s %8s%n", "verifyAtBank (bank intake)", "n", "tx/s", "p50 ms", "p99 ms");
      new Result(claims, claims.stream().mapToLong(Long::longValue).sum() / 1e9)
          .print("claiming the task (before deciding, apart)");
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

  /**
   * The next committed event of each export, as a listener sees it: a thread reads the chaincode's
   * events and completes the future registered for the export the event names.
   */
  private static final class CommitWatch {
    private final java.util.Map<String, java.util.concurrent.CompletableFuture<Long>> waiting =
        new java.util.concurrent.ConcurrentHashMap<>();

    CommitWatch(et.coffeeexport.connectors.fabric.EventStream events) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  watch(events);
                } catch (et.coffeeexport.connectors.fabric.LedgerUnavailable e) {
                  // The benchmark closed the connections: it is over.
                }
              },
              "commit-watch");
      reader.setDaemon(true);
      reader.start();
    }

    private void watch(et.coffeeexport.connectors.fabric.EventStream events) {
      while (events.hasNext()) {
        var event = events.next();
        try {
          String exportId = JSON.readTree(event.payload()).path("exportId").asText();
          var f = waiting.remove(exportId);
          if (f != null) {
            f.complete(System.nanoTime());
          }
        } catch (java.io.IOException e) {
          // Not an export's event.
        }
      }
    }

    java.util.concurrent.CompletableFuture<Long> next(String exportId) {
      var f = new java.util.concurrent.CompletableFuture<Long>();
      waiting.put(exportId, f);
      return f;
    }
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

  /** One timed step; answers how long it took, in nanoseconds. */
  private interface Step {
    long run(String exportId) throws Exception;
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
                nanos.add(step.run(id));
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
          return 0L;
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
