package et.coffeeexport.connectors.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.fabric.ExportLedger;
import et.coffeeexport.connectors.fabric.LedgerCall;
import et.coffeeexport.connectors.fabric.Signatory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the read model with the ledger, exporter by exporter: every export on either side, its
 * status and its number of decisions ({@code STATUS/decisions}). An empty report means they agree.
 */
public final class Reconciliation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 100;

  private final ReadModel readModel;
  private final ExportLedger ledger;
  private final String org;
  private final Signatory reader;

  public Reconciliation(ReadModel readModel, ExportLedger ledger, String org, Signatory reader) {
    this.readModel = readModel;
    this.ledger = ledger;
    this.org = org;
    this.reader = reader;
  }

  /** A difference between the two, in words an operator can act on. */
  public record Difference(String exportId, String ledger, String readModel) {}

  public List<Difference> exportsOf(String exporterId) {
    Map<String, String> onLedger = ledgerExportsOf(exporterId);
    Map<String, String> inModel = new HashMap<>();
    readModel
        .exportsOf(exporterId)
        .forEach(
            v ->
                inModel.put(
                    v.exportId(), v.status() + "/" + v.decisions() + "/" + v.eventsApplied()));
    List<Difference> differences = new ArrayList<>();
    onLedger.forEach(
        (id, state) -> {
          String model = inModel.remove(id);
          // Each decision emits one event: events applied equal decisions when none was applied
          // twice.
          String expected = state + "/" + state.substring(state.indexOf('/') + 1);
          if (!expected.equals(model)) {
            differences.add(new Difference(id, state, model));
          }
        });
    inModel.forEach((id, model) -> differences.add(new Difference(id, null, model)));
    return differences;
  }

  private Map<String, String> ledgerExportsOf(String exporterId) {
    Map<String, String> exports = new HashMap<>();
    String bookmark = "";
    do {
      byte[] page =
          ledger.evaluate(
              LedgerCall.of(
                  org,
                  reader,
                  "coffee-export",
                  "ExportQueryContract",
                  "queryByExporter",
                  exporterId,
                  String.valueOf(PAGE),
                  bookmark));
      JsonNode json = read(page);
      for (JsonNode x : json.path("exports")) {
        exports.put(
            x.path("exportId").asText(),
            x.path("status").asText() + "/" + x.path("decisions").asInt());
      }
      bookmark = json.path("count").asInt() < PAGE ? "" : json.path("bookmark").asText("");
    } while (!bookmark.isEmpty());
    return exports;
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("the ledger answered something that is not JSON", e);
    }
  }
}
