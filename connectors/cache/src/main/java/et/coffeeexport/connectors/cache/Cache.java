package et.coffeeexport.connectors.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache of what is cheap to recompute and safe to show slightly late (ledger reads for display).
 * Never consulted for an authorisation decision. Every operation may fail silently: a miss.
 */
public interface Cache {
  Optional<byte[]> get(String key);

  void put(String key, byte[] value, Duration ttl);

  void evict(String key);
}
