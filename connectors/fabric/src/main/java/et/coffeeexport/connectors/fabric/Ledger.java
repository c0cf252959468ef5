package et.coffeeexport.connectors.fabric;

import java.util.function.Function;

/**
 * The platform's one way to the ledger: the typed clients of both chaincodes over one set of
 * connections to each organisation's peers. Open one per process and close it at the end.
 */
public final class Ledger implements AutoCloseable {
  private final ExportLedger core;
  private final AutoCloseable connections;
  private final CoffeeExportChaincode coffeeExport;
  private final UserManagementChaincode userManagement;

  Ledger(ExportLedger core, AutoCloseable connections) {
    this.core = core;
    this.connections = connections;
    this.coffeeExport = new CoffeeExportChaincode(core);
    this.userManagement = new UserManagementChaincode(core);
  }

  /**
   * Connects lazily: an organisation's peers are dialled when one of its people first calls.
   *
   * @param profiles each organisation's connection profile, by network name
   * @param tlsClient each organisation's TLS client credentials (peers require client certificates)
   */
  public static Ledger connect(
      Function<String, OrganisationProfile> profiles,
      Function<String, Credentials> tlsClient,
      LedgerSettings settings) {
    FabricExportLedger fabric = new FabricExportLedger(profiles, tlsClient, settings);
    return new Ledger(fabric, fabric);
  }

  /** The {@code coffee-export} chaincode: the export lifecycle, documents, rules and prices. */
  public CoffeeExportChaincode coffeeExport() {
    return coffeeExport;
  }

  /** The {@code user-management} chaincode: the participant registry. */
  public UserManagementChaincode userManagement() {
    return userManagement;
  }

  ExportLedger core() {
    return core;
  }

  @Override
  public void close() {
    try {
      connections.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the ledger connections failed", e);
    }
  }
}
