package et.coffeeexport.connectors.cache;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.ExportAction;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Redis stopped with SIGKILL: reads and submissions go on without it, idempotency falls back to the
 * ledger, and once Redis is back nothing cached before the outage is served.
 */
class RedisOutageIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final String ORG = "commercialbank";

  @Test
  void withoutRedisEverythingStillWorksAndNothingStaleIsServedAfterwards() throws Exception {
    var config =
        DefaultJedisClientConfig.builder()
            .password(Files.readString(NETWORK.state.resolve("secrets/redis")).trim())
            .timeoutMillis(500)
            .build();
    try (Consortium people = Consortium.enrol(NETWORK);
        var ledger = NETWORK.connector();
        var redis = new JedisPooled(new HostAndPort("127.0.0.1", 6379), config)) {
      Signatory exporter = Signatory.of(people.exporter.credentials);
      Signatory bank = Signatory.of(people.officer("commercialbank").credentials);
      var cache = new RedisCache(redis, "it-" + people.run);
      var reads = new CachedLedgerReads(ledger.coffeeExport(), cache, Duration.ofMinutes(5));
      var keys = new IdempotencyKeys(redis, Duration.ofHours(24));
      String exportId = "EXP-" + people.run + "-cache";
      people.file(ledger, exportId);
      people.anchor(people.exporter, exportId, "SALES_CONTRACT");

      assertThat(status(reads.export(exporter, exportId))).isEqualTo("SUBMITTED");
      assertThat(cache.get("export:" + exportId)).as("cached after the first read").isPresent();
      String key = UUID.randomUUID().toString();
      assertThat(keys.claim("exports", key, "request-1")).isEqualTo(IdempotencyKeys.Claim.NEW);
      assertThat(keys.claim("exports", key, "request-1")).isEqualTo(IdempotencyKeys.Claim.REPLAY);
      assertThat(keys.claim("exports", key, "request-2")).isEqualTo(IdempotencyKeys.Claim.CONFLICT);
      keys.release("exports", key, "request-2");
      assertThat(keys.claim("exports", key, "request-1"))
          .as("only the request that holds a key gives it back")
          .isEqualTo(IdempotencyKeys.Claim.REPLAY);
      keys.release("exports", key, "request-1");
      assertThat(keys.claim("exports", key, "request-2"))
          .as("a released key is free for another request")
          .isEqualTo(IdempotencyKeys.Claim.NEW);

      NETWORK.kill9("redis");
      try {
        // A submission, and the event's eviction that cannot reach Redis.
        ledger.coffeeExport().take(bank, ExportAction.VERIFY_AT_BANK, exportId, "{}");
        reads.changed(exportId);
        assertThat(status(reads.export(exporter, exportId))).isEqualTo("BANK_VERIFIED");
        assertThat(keys.claim("exports", UUID.randomUUID().toString(), "r"))
            .isEqualTo(IdempotencyKeys.Claim.UNKNOWN);
        assertThat(cache.failures()).isPositive();
      } finally {
        Process restart =
            new ProcessBuilder("bash", NETWORK.home.resolve("network/scripts/redis.sh").toString())
                .inheritIO()
                .start();
        assertThat(restart.waitFor()).isZero();
      }
      // Redis kept the entry from before the outage (append-only file); it must not be served.
      assertThat(status(reads.export(exporter, exportId))).isEqualTo("BANK_VERIFIED");
      assertThat(status(reads.export(exporter, exportId))).isEqualTo("BANK_VERIFIED");
    }
  }

  private static String status(et.coffeeexport.domain.ExportSnapshot export) {
    return export.status().name();
  }
}
