package et.coffeeexport.connectors.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.ExportSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Read-through reads of exports for display: from the cache when there, else from the ledger (then
 * cached). The read model's listener evicts an export when a chaincode event says it changed; the
 * time to live bounds anything missed.
 */
public final class CachedLedgerReads {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final CoffeeExportChaincode ledger;
  private final Cache cache;
  private final Duration ttl;

  public CachedLedgerReads(CoffeeExportChaincode ledger, Cache cache, Duration ttl) {
    this.ledger = ledger;
    this.cache = cache;
    this.ttl = ttl;
  }

  /** The export as the ledger holds it, possibly from the cache. */
  public ExportSnapshot export(Signatory reader, String exportId) {
    String key = "export:" + exportId;
    Optional<ExportSnapshot> cached = cache.get(key).flatMap(CachedLedgerReads::parse);
    if (cached.isPresent()) {
      return cached.get();
    }
    ExportSnapshot fresh = ledger.readExport(reader, exportId);
    try {
      cache.put(key, JSON.writeValueAsBytes(fresh), ttl);
    } catch (IOException e) {
      throw new IllegalStateException("an export did not serialise", e);
    }
    return fresh;
  }

  /** Forgets the export: a chaincode event said it changed. */
  public void changed(String exportId) {
    cache.evict("export:" + exportId);
  }

  /** An entry this version cannot read (written by an older one) is a miss, not an error. */
  private static Optional<ExportSnapshot> parse(byte[] json) {
    try {
      return Optional.of(JSON.readValue(json, ExportSnapshot.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
