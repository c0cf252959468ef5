package et.coffeeexport.connectors.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real network for integration tests. Reuses the one {@code network/cec up} started; when none
 * runs, starts it and stops it again after the last test of the run, so tests leave nothing of
 * their own running. When the build says the Fabric binaries cannot be had on this machine ({@code
 * -Dcec.network.unavailable=reason}), every test is skipped with that reason (and counted as
 * skipped), never passed.
 */
public final class RealNetwork extends LocalNetwork
    implements BeforeAllCallback, BeforeEachCallback {
  private static final String UNAVAILABLE = System.getProperty("cec.network.unavailable", "");

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
    Assumptions.assumeTrue(available(), () -> "SKIPPED: " + UNAVAILABLE);
  }

  private Object ensureRunning() {
    if (isRunning()) {
      return (ExtensionContext.Store.CloseableResource) () -> {};
    }
    cli("up");
    return (ExtensionContext.Store.CloseableResource) () -> cli("down");
  }
}
