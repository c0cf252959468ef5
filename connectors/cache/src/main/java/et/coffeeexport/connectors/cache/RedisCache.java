package et.coffeeexport.connectors.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The cache in Redis. When Redis fails, reads miss and writes are dropped; and because an eviction
 * may have been lost meanwhile, the first operation that reaches Redis again moves the cache to a
 * new generation (a counter in every key), so nothing cached before the outage is ever served.
 */
public final class RedisCache implements Cache {
  private static final Logger log = LoggerFactory.getLogger(RedisCache.class);
  private static final String GENERATION = "cec:cache:generation";

  private final JedisPooled redis;
  private final String namespace;
  private final AtomicBoolean evictionsLost = new AtomicBoolean(true);
  private final AtomicLong failures = new AtomicLong();
  private volatile long generation;

  public RedisCache(JedisPooled redis, String namespace) {
    this.redis = redis;
    this.namespace = namespace;
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.ofNullable(redis.get(key(key)));
    } catch (JedisException e) {
      failed(e);
      return Optional.empty();
    }
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    try {
      redis.set(key(key), value, SetParams.setParams().px(ttl.toMillis()));
    } catch (JedisException e) {
      failed(e);
    }
  }

  @Override
  public void evict(String key) {
    try {
      redis.del(key(key));
    } catch (JedisException e) {
      failed(e);
      evictionsLost.set(true);
    }
  }

  /** How many Redis operations failed since start (each one a miss or a dropped write). */
  public long failures() {
    return failures.get();
  }

  private byte[] key(String key) {
    if (evictionsLost.get()) {
      // At start too: another instance may have lost evictions while this one was away.
      generation = evictionsLost.getAndSet(false) ? redis.incr(GENERATION) : generation;
    }
    return (namespace + ":" + generation + ":" + key).getBytes(StandardCharsets.UTF_8);
  }

  private void failed(JedisException e) {
    evictionsLost.set(true);
    if (failures.incrementAndGet() % 100 == 1) {
      log.warn("Redis unavailable ({}); serving without the cache", e.getMessage());
    }
  }
}
