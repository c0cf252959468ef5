package et.coffeeexport.identity.wallet;

import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The officer registry on the ledger, written by each organisation's administrator (the chaincode
 * lets only an organisation's admin manage its officers), through the connector's typed client: the
 * same retries, failover and refusal codes as every other ledger write.
 */
public final class LedgerOfficerRegistry implements OfficerRegistry {
  private final UserManagementChaincode registry;
  private final Path connections;
  private final Map<String, Signatory> admins = new ConcurrentHashMap<>();

  public LedgerOfficerRegistry(UserManagementChaincode registry, Path connections) {
    this.registry = registry;
    this.connections = connections;
  }

  @Override
  public void registerOfficer(String org, String enrollmentId, String role, String userId) {
    registry.registerOfficer(admin(org), enrollmentId, role, userId);
  }

  @Override
  public void deactivateOfficer(String org, String enrollmentId) {
    registry.deactivateOfficer(admin(org), enrollmentId);
  }

  /** The organisation's administrator, whose credentials the network's setup enrolled. */
  private Signatory admin(String org) {
    return admins.computeIfAbsent(
        org, o -> Signatory.of(OrganisationProfile.load(connections, o).credentials("admin")));
  }
}
