package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportSnapshot;
import java.util.List;

/**
 * An export's past: every version the ledger kept (with the transaction that wrote it) and its
 * decision trail.
 */
public record ExportHistory(
    String exportId, List<Version> versions, List<DecisionEntry> decisions) {
  /** One committed version of the export. */
  public record Version(String txId, String at, boolean deleted, ExportSnapshot value) {}
}
