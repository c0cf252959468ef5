package et.coffeeexport.identity.wallet;

/**
 * The ledger's officer registry ({@code user-management}): the chaincode accepts decisions only
 * from officers their organisation registered as active.
 */
public interface OfficerRegistry {
  void registerOfficer(String org, String enrollmentId, String role, String userId);

  void deactivateOfficer(String org, String enrollmentId);
}
