package et.coffeeexport.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends work at a fixed rate whatever the system's answers (open loop), so that a slow system shows
 * as latency and a falling commit rate instead of silently lowering the offered load.
 */
final class OpenLoop {
  interface Task {
    /** Runs request {@code i}; returns how many ledger transactions it committed. */
    int run(long i) throws Exception;
  }

  record Result(
      String scenario,
      int rate,
      long sent,
      long committedTx,
      long failed,
      double seconds,
      List<Long> latenciesNanos,
      String firstFailure) {
    double throughput() {
      return committedTx / seconds;
    }

    double percentileMillis(double p) {
      if (latenciesNanos.isEmpty()) {
        return Double.NaN;
      }
      List<Long> sorted = new ArrayList<>(latenciesNanos);
      Collections.sort(sorted);
      int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1);
      return sorted.get(Math.max(0, index)) / 1e6;
    }
  }

  static Result run(String scenario, int rate, int seconds, int threads, Task task)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> futures = new ArrayList<>();
    AtomicLong committed = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    long total = (long) rate * seconds;
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long request = i;
      futures.add(
          pool.submit(
              () -> {
                long t0 = System.nanoTime();
                committed.addAndGet(task.run(request));
                long t1 = System.nanoTime();
                lastDone.accumulateAndGet(t1, Math::max);
                return t1 - t0;
              }));
    }
    List<Long> latencies = new ArrayList<>();
    long failed = 0;
    String firstFailure = null;
    for (Future<Long> f : futures) {
      try {
        latencies.add(f.get(5, TimeUnit.MINUTES));
      } catch (Exception e) {
        failed++;
        if (firstFailure == null) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          firstFailure =
              cause instanceof org.hyperledger.fabric.client.GatewayException g
                  ? et.coffeeexport.connectors.testing.Consortium.details(g)
                  : String.valueOf(cause);
        }
      }
    }
    pool.shutdownNow();
    double elapsed = (Math.max(lastDone.get(), start + 1) - start) / 1e9;
    return new Result(
        scenario, rate, total, committed.get(), failed, elapsed, latencies, firstFailure);
  }
}
