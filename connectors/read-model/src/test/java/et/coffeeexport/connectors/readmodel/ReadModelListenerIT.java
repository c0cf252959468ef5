package et.coffeeexport.connectors.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.ExportAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The event listener, run as a process of its own, is killed with SIGKILL while events stream in,
 * then restarted: the read model ends equal to the ledger, with no event applied twice.
 */
class ReadModelListenerIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final int EXPORTS = 24;

  @Test
  void aListenerKilledMidStreamResumesWithNoGapAndNoDuplicate() throws Exception {
    Path passwordFile = NETWORK.state.resolve("secrets/postgres-workflow");
    var database = new PGSimpleDataSource();
    database.setUrl("jdbc:postgresql://127.0.0.1:5432/workflow");
    database.setUser("workflow");
    database.setPassword(Files.readString(passwordFile).trim());
    // A database schema of its own: this test's checkpoint and projection start from nothing.
    String schema = "it_" + UUID.randomUUID().toString().substring(0, 8);
    try (var c = database.getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/workflow?currentSchema=" + schema;
    database.setUrl(url);
    ReadModelSchema.migrate(database);
    var readModel = new ReadModel(database);
    // Follow from the current height: older runs' events are not this test's business.
    long height = NETWORK.height(NETWORK.profile("commercialbank").peers().get(0)).orElseThrow();
    try (var c = database.getConnection();
        var s =
            c.prepareStatement(
                "INSERT INTO ledger_checkpoint (listener, block_number) VALUES ('read-model', ?)")) {
      s.setLong(1, height - 1);
      s.executeUpdate();
    }

    try (Consortium people = Consortium.enrol(NETWORK);
        var ledger = NETWORK.connector()) {
      Signatory exporter = Signatory.of(people.exporter.credentials);
      Signatory bank = Signatory.of(people.officer("commercialbank").credentials);
      Process listener = startListener(url, passwordFile);
      List<String> ids = new ArrayList<>();
      try {
        for (int i = 0; i < EXPORTS; i++) {
          String id = "EXP-" + people.run + "-rm" + i;
          ids.add(id);
          people.file(ledger, id);
          if (i < EXPORTS / 2) {
            people.anchor(people.exporter, id, "SALES_CONTRACT");
          }
          if (i == EXPORTS / 3) {
            awaitApplied(readModel, people.exporterId, 1);
            listener.destroyForcibly().waitFor();
            System.out.printf(
                "listener killed (SIGKILL) with %d of the run's exports applied%n",
                readModel.exportsOf(people.exporterId).size());
          }
          if (i == 2 * EXPORTS / 3) {
            listener = startListener(url, passwordFile);
          }
        }
        for (String id : ids.subList(0, EXPORTS / 2)) {
          ledger.coffeeExport().take(bank, ExportAction.VERIFY_AT_BANK, id, "{}");
        }
        awaitApplied(readModel, people.exporterId, EXPORTS);
        Instant deadline = Instant.now().plusSeconds(60);
        var reconciliation = new Reconciliation(readModel, ledger.coffeeExport(), exporter);
        while (!reconciliation.exportsOf(people.exporterId).isEmpty()
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(200);
        }
        assertThat(reconciliation.exportsOf(people.exporterId))
            .as("read model equals the ledger")
            .isEmpty();
        for (String id : ids) {
          int versions = people.versionsOf(ledger, id);
          assertThat(readModel.export(id).orElseThrow().eventsApplied())
              .as("events applied to %s = the ledger's versions of it", id)
              .isEqualTo(versions);
        }
      } finally {
        listener.destroyForcibly().waitFor();
      }
    } finally {
      try (var c = database.getConnection();
          var s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static Process startListener(String url, Path passwordFile) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ReadModelListenerMain.class.getName(),
            NETWORK.connections.toString(),
            "commercialbank",
            url,
            "workflow",
            passwordFile.toString())
        .inheritIO()
        .start();
  }

  private static void awaitApplied(ReadModel readModel, String exporterId, int count)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (readModel.exportsOf(exporterId).size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(readModel.exportsOf(exporterId).size()).isGreaterThanOrEqualTo(count);
  }
}
