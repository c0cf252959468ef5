package et.coffeeexport.connectors.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real network for integration tests. Reuses the one {@code network/cec up} started; when none
 * runs, starts it and stops it again after the last test of the run, so tests leave nothing of
 * their own running. A test whose component cannot be had fails: only a developer's explicit {@code
 * CEC_ALLOW_SKIP=1} ({@code -Dcec.allowSkip=1}, never set by CI) turns that into a skip, and {@code
 * network/cec test} still reports the skipped tests.
 */
public final class RealNetwork extends LocalNetwork
    implements BeforeAllCallback, BeforeEachCallback {
  private static final String UNAVAILABLE = System.getProperty("cec.network.unavailable", "");
  private static final boolean ALLOW_SKIP =
      "1".equals(System.getProperty("cec.allowSkip", System.getenv("CEC_ALLOW_SKIP")));

  /** Whether this machine can run the network at all. */
  public boolean available() {
    return UNAVAILABLE.isBlank();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!available()) {
      return;
    }
    ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    root.getOrComputeIfAbsent(RealNetwork.class, key -> ensureRunning(), Object.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    require(available(), "the Fabric network: " + UNAVAILABLE);
  }

  /**
   * Fails the test when {@code component} is not {@code present} on this machine; skips it instead
   * only where a developer allowed skipping.
   */
  public static void require(boolean present, String component) {
    if (present) {
      return;
    }
    Assumptions.assumeTrue(ALLOW_SKIP, () -> "SKIPPED (CEC_ALLOW_SKIP=1): missing " + component);
    throw new AssertionError(
        "cannot run without " + component + " (network/scripts/prerequisites.sh installs it)");
  }

  private Object ensureRunning() {
    if (isRunning()) {
      return (ExtensionContext.Store.CloseableResource) () -> {};
    }
    cli("up");
    return (ExtensionContext.Store.CloseableResource) () -> cli("down");
  }
}
