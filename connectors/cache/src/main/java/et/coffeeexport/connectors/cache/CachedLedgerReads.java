package et.coffeeexport.connectors.cache;

import et.coffeeexport.connectors.fabric.ExportLedger;
import et.coffeeexport.connectors.fabric.LedgerCall;
import et.coffeeexport.connectors.fabric.Signatory;
import java.time.Duration;

/**
 * Read-through reads of exports for display: from the cache when there, else from the ledger (then
 * cached). The read model's listener evicts an export when a chaincode event says it changed; the
 * time to live bounds anything missed.
 */
public final class CachedLedgerReads {
  private final ExportLedger ledger;
  private final Cache cache;
  private final Duration ttl;

  public CachedLedgerReads(ExportLedger ledger, Cache cache, Duration ttl) {
    this.ledger = ledger;
    this.cache = cache;
    this.ttl = ttl;
  }

  /** The export as the ledger holds it (JSON), possibly from the cache. */
  public byte[] export(String org, Signatory reader, String exportId) {
    String key = "export:" + exportId;
    return cache
        .get(key)
        .orElseGet(
            () -> {
              byte[] fresh =
                  ledger.evaluate(
                      LedgerCall.of(
                          org,
                          reader,
                          "coffee-export",
                          "ExportQueryContract",
                          "readExport",
                          exportId));
              cache.put(key, fresh, ttl);
              return fresh;
            });
  }

  /** Forgets the export: a chaincode event said it changed. */
  public void changed(String exportId) {
    cache.evict("export:" + exportId);
  }
}
