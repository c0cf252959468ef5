package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of the peer the connector submits through, in the middle of a burst: every submission
 * either ends committed exactly once or fails with an error its caller saw, and the ledger holds
 * exactly the committed ones, each written by one transaction.
 */
class ExactlyOnceSubmissionIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SUBMISSIONS = 60;

  @Test
  void aPeerKilledDuringABurstLosesAndDuplicatesNothing() throws Exception {
    try (Consortium people = Consortium.enrol(NETWORK);
        Ledger ledger = NETWORK.connector()) {
      Signatory exporter = Signatory.of(people.exporter.credentials);
      Set<String> committed = ConcurrentHashMap.newKeySet();
      List<String> failures = new ArrayList<>();
      AtomicInteger retried = new AtomicInteger();
      AtomicInteger started = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < SUBMISSIONS; i++) {
        String exportId = "EXP-" + people.run + "-" + i;
        calls.add(
            pool.submit(
                () -> {
                  started.incrementAndGet();
                  try {
                    // The core, to count its attempts: the typed client answers only the export.
                    Committed c =
                        ledger
                            .core()
                            .submit(
                                LedgerCall.of(
                                        exporter,
                                        "coffee-export",
                                        "ExportContract",
                                        "createExport",
                                        exportId,
                                        people.request())
                                    .privately(people.terms("3.45")));
                    committed.add(exportId);
                    if (c.attempts() > 2) {
                      retried.incrementAndGet();
                    }
                  } catch (RuntimeException e) {
                    synchronized (failures) {
                      failures.add(exportId + ": " + e);
                    }
                  }
                }));
      }
      var peer = NETWORK.profile("commercialbank").peers().get(0);
      while (started.get() < SUBMISSIONS / 3) {
        Thread.sleep(20);
      }
      NETWORK.kill9(peer.name());
      long killedAt = System.nanoTime();
      Thread.sleep(2000);
      NETWORK.cli("start", "nodes");
      System.out.printf(
          "peer %s restarted %.1f s after the kill%n",
          peer.name(), (System.nanoTime() - killedAt) / 1e9);
      for (Future<?> call : calls) {
        call.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      people.settle();

      Set<String> onLedger = exportsOnLedger(people, ledger, exporter);
      int duplicated = 0;
      for (String id : onLedger) {
        if (people.versionsOf(ledger, id) != 1) {
          duplicated++;
        }
      }
      System.out.printf(
          "FIGURES exactly-once under peer kill: attempted %d, committed %d, failed (seen by caller) %d, on ledger %d, duplicated %d, lost %d, needing retries %d%n",
          SUBMISSIONS,
          committed.size(),
          failures.size(),
          onLedger.size(),
          duplicated,
          committed.stream().filter(id -> !onLedger.contains(id)).count(),
          retried.get());
      assertThat(onLedger)
          .as("the ledger holds exactly what was confirmed committed")
          .isEqualTo(committed);
      assertThat(committed.size() + failures.size()).isEqualTo(SUBMISSIONS);
      assertThat(duplicated).isZero();
      assertThat(failures).as("with the peer back within the budget, nothing fails").isEmpty();
    }
  }

  private static Set<String> exportsOnLedger(Consortium people, Ledger ledger, Signatory who) {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    String bookmark = "";
    do {
      ExportPage page =
          ledger.coffeeExport().queryByExporter(who, people.exporterId, 100, bookmark);
      page.exports().forEach(x -> ids.add(x.exportId()));
      bookmark = page.count() < 100 ? "" : page.bookmark();
    } while (!bookmark.isEmpty());
    return ids;
  }
}
