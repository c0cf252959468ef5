package et.coffeeexport.connectors.readmodel;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.ExportPage;
import et.coffeeexport.connectors.fabric.Signatory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the read model with the ledger, exporter by exporter: every export on either side, its
 * status and its number of decisions ({@code STATUS/decisions}). An empty report means they agree.
 */
public final class Reconciliation {
  private static final int PAGE = 100;

  private final ReadModel readModel;
  private final CoffeeExportChaincode ledger;
  private final Signatory reader;

  public Reconciliation(ReadModel readModel, CoffeeExportChaincode ledger, Signatory reader) {
    this.readModel = readModel;
    this.ledger = ledger;
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
      ExportPage page = ledger.queryByExporter(reader, exporterId, PAGE, bookmark);
      page.exports().forEach(x -> exports.put(x.exportId(), x.status() + "/" + x.decisions()));
      bookmark = page.count() < PAGE ? "" : page.bookmark();
    } while (!bookmark.isEmpty());
    return exports;
  }
}
