package et.coffeeexport.connectors.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Idempotency keys of the submission API: the first request with a key claims it with the request's
 * fingerprint; a repeat with the same fingerprint is a replay, with another one a conflict. Redis
 * is the fast path only: when it is down the answer is {@link Claim#UNKNOWN} and the ledger's
 * business keys (an export id derived from the idempotency key) still stop a duplicate.
 */
public final class IdempotencyKeys {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

  /** What a claim found. */
  public enum Claim {
    NEW,
    REPLAY,
    CONFLICT,
    UNKNOWN
  }

  private final JedisPooled redis;
  private final Duration ttl;

  public IdempotencyKeys(JedisPooled redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  public Claim claim(String scope, String key, String fingerprint) {
    byte[] k = ("cec:idempotency:" + scope + ":" + key).getBytes(StandardCharsets.UTF_8);
    byte[] v = fingerprint.getBytes(StandardCharsets.UTF_8);
    try {
      if ("OK".equals(redis.set(k, v, SetParams.setParams().nx().px(ttl.toMillis())))) {
        return Claim.NEW;
      }
      byte[] existing = redis.get(k);
      return existing != null && fingerprint.equals(new String(existing, StandardCharsets.UTF_8))
          ? Claim.REPLAY
          : Claim.CONFLICT;
    } catch (JedisException e) {
      log.warn(
          "Redis unavailable for idempotency keys ({}); relying on the ledger", e.getMessage());
      return Claim.UNKNOWN;
    }
  }

  /**
   * Gives back a key that {@link #claim} took with {@code fingerprint} for a request that was then
   * refused: the key is free again, for this request or another. Only that claim is removed (a
   * compare-and-delete), never a later one another request made. Best effort: when Redis is down
   * the claim expires with its TTL, and the ledger's business keys stay the guard.
   */
  public void release(String scope, String key, String fingerprint) {
    try {
      redis.eval(RELEASE, List.of("cec:idempotency:" + scope + ":" + key), List.of(fingerprint));
    } catch (JedisException e) {
      log.warn("Redis unavailable to release an idempotency key ({})", e.getMessage());
    }
  }

  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end"
          + " return 0";
}
