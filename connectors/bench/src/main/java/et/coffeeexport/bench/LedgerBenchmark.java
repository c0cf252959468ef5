package et.coffeeexport.bench;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.LocalNetwork;
import et.coffeeexport.connectors.testing.Person;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hyperledger.fabric.client.GatewayException;

/**
 * The ledger benchmark: the bare key-value baseline, {@code createExport}, and whole export
 * lifecycles, each through fabric-gateway at fixed rates on the running network. Prints throughput
 * (committed transactions per second) and latency from submission to commit status.
 *
 * <p>Usage: {@code network/cec bench [rates=10,50,100] [seconds=30] [lifecycleRate=2]}.
 */
public final class LedgerBenchmark {
  private static final String VALUE = "x".repeat(900); // about the size of an export record

  public static void main(String[] args) throws Exception {
    int[] rates =
        Arrays.stream((args.length > 0 ? args[0] : "10,50,100").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int lifecycleRate = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    LocalNetwork network = new LocalNetwork();
    List<OpenLoop.Result> results = new ArrayList<>();
    try (Consortium people = Consortium.enrol(network);
        Person bankAdmin =
            new Person(
                network.profile("commercialbank"),
                network.profile("commercialbank").credentials("admin"));
        Ledger connector = network.connector()) {
      String run = people.run;
      Signatory exporter = Signatory.of(people.exporter.credentials);
      for (int rate : rates) {
        results.add(
            OpenLoop.run(
                "kv-baseline put",
                rate,
                seconds,
                threads(rate),
                i -> {
                  bankAdmin.submit(
                      "kv-baseline",
                      "KeyValueContract",
                      "put",
                      "k-" + run + "-" + rate + "-" + i,
                      VALUE);
                  return 1;
                }));
        report(results.get(results.size() - 1));
        people.settle();
        results.add(
            OpenLoop.run(
                "coffee-export createExport",
                rate,
                seconds,
                threads(rate),
                i -> {
                  people.file("EXP-B-" + run + "-" + rate + "-" + i);
                  return 1;
                }));
        report(results.get(results.size() - 1));
        people.settle();
        results.add(
            OpenLoop.run(
                "connector createExport",
                rate,
                seconds,
                threads(rate),
                i -> {
                  connector
                      .coffeeExport()
                      .file(
                          exporter,
                          "EXP-C-" + run + "-" + rate + "-" + i,
                          people.request(),
                          people.termsJson("3.45"));
                  return 1;
                }));
        report(results.get(results.size() - 1));
        people.settle();
      }
      results.add(
          OpenLoop.run(
              "whole lifecycle (13 tx each)",
              lifecycleRate,
              seconds,
              threads(lifecycleRate * 20),
              i -> lifecycle(people, connector.coffeeExport(), "EXP-L-" + run + "-" + i)));
      report(results.get(results.size() - 1));
    }
    System.out.println();
    System.out.printf(
        "%-32s %6s %7s %9s %7s %12s %9s %9s%n",
        "scenario", "rate/s", "sent", "committed", "failed", "tx/s", "p50 ms", "p99 ms");
    for (OpenLoop.Result r : results) {
      System.out.printf(
          "%-32s %6d %7d %9d %7d %12.1f %9.0f %9.0f%n",
          r.scenario(),
          r.rate(),
          r.sent(),
          r.committedTx(),
          r.failed(),
          r.throughput(),
          r.percentileMillis(50),
          r.percentileMillis(99));
    }
    // Per offered rate: baseline, raw gateway, connector (same run, same network).
    for (int i = 0; i + 2 < results.size(); i += 3) {
      OpenLoop.Result baseline = results.get(i);
      OpenLoop.Result raw = results.get(i + 1);
      OpenLoop.Result viaConnector = results.get(i + 2);
      System.out.printf(
          "at %d/s offered: createExport / baseline throughput %.2f; connector / raw gateway: throughput %.2f, p50 latency %.2f%n",
          baseline.rate(),
          raw.throughput() / baseline.throughput(),
          viaConnector.throughput() / raw.throughput(),
          viaConnector.percentileMillis(50) / raw.percentileMillis(50));
    }
    System.exit(0);
  }

  private static int threads(int rate) {
    return Math.max(16, Math.min(rate * 4, 512));
  }

  private static void report(OpenLoop.Result r) {
    System.out.printf(
        "FIGURES %s at %d/s: %.1f tx/s committed, p50 %.0f ms, p99 %.0f ms, %d failed%n",
        r.scenario(),
        r.rate(),
        r.throughput(),
        r.percentileMillis(50),
        r.percentileMillis(99),
        r.failed());
    if (r.firstFailure() != null) {
      System.out.println("  first failure: " + r.firstFailure());
    }
  }

  /**
   * One export from filing to completion, each step by its own organisation; returns the
   * transactions committed.
   */
  private static int lifecycle(Consortium p, CoffeeExportChaincode ledger, String id)
      throws Exception {
    p.file(id);
    retrying(() -> p.anchor(p.exporter, id, "SALES_CONTRACT"));
    retrying(() -> p.anchor(p.officer("ecx"), id, "QUALITY_CERTIFICATE"));
    retrying(() -> p.anchor(p.officer("shippingline"), id, "BILL_OF_LADING"));
    step(p, ledger, "commercialbank", ExportAction.VERIFY_AT_BANK, id, "{}");
    step(p, ledger, "ecta", ExportAction.APPROVE_COMPLIANCE, id, "{}");
    step(p, ledger, "ecx", ExportAction.CERTIFY_QUALITY, id, Consortium.QUALITY);
    ExportSnapshot fx =
        step(p, ledger, "nationalbank", ExportAction.APPROVE_FOREIGN_EXCHANGE, id, "{}");
    String permit = fx.fact(ExportFacts.EXPORT_PERMIT_NUMBER);
    step(
        p,
        ledger,
        "customs",
        ExportAction.CLEAR_CUSTOMS,
        id,
        "{\"permitNumber\":\"" + permit + "\",\"declarationNumber\":\"DEC-" + id + "\"}");
    step(
        p,
        ledger,
        "shippingline",
        ExportAction.BOOK_SHIPMENT,
        id,
        "{\"bookingNumber\":\"BK-1\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU1234567\"]}");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    step(
        p,
        ledger,
        "shippingline",
        ExportAction.SHIP,
        id,
        "{\"billOfLadingNumber\":\"BL-1\",\"billOfLadingDate\":\"" + today + "\"}");
    step(
        p,
        ledger,
        "shippingline",
        ExportAction.CONFIRM_ARRIVAL,
        id,
        "{\"port\":\"Hamburg\",\"arrivedOn\":\"" + today + "\"}");
    retrying(() -> p.recordRepatriation(id, "SWIFT-1", today));
    return 13;
  }

  private static ExportSnapshot step(
      Consortium p,
      CoffeeExportChaincode ledger,
      String org,
      ExportAction action,
      String id,
      String json)
      throws Exception {
    ExportSnapshot[] result = new ExportSnapshot[1];
    retrying(() -> result[0] = ledger.take(p.signatory(org), action, id, json).export());
    return result[0];
  }

  interface Call {
    void run() throws Exception;
  }

  /**
   * The next organisation endorses on its own peer, which may not have the previous block yet (it
   * then sees the export one status behind), its witness may be a block ahead or behind it (the two
   * endorsements then differ), or two writers may collide (MVCC): all are retried after a pause, as
   * the connector retries them.
   */
  private static void retrying(Call call) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        call.run();
        return;
      } catch (GatewayException
          | org.hyperledger.fabric.client.CommitException
          | et.coffeeexport.connectors.fabric.LedgerRefusal e) {
        String text = e instanceof GatewayException g ? Consortium.details(g) : e.getMessage();
        boolean transient_ =
            text.contains("ILLEGAL_TRANSITION")
                || text.contains("MVCC")
                || text.contains("PHANTOM")
                || text.contains("ProposalResponsePayloads do not match")
                || text.contains("NOT_FOUND");
        if (!transient_ || attempt == 40) {
          throw e;
        }
        Thread.sleep(50L * Math.min(attempt, 6));
      }
    }
  }
}
