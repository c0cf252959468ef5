package et.coffeeexport.chaincode.participant;

/**
 * The registry's records besides the exporter's ({@link et.coffeeexport.domain.RegisteredExporter})
 * and its applications ({@link et.coffeeexport.domain.LicenceApplication}), which the domain holds
 * because the workflow reads them too. None holds a credential of any kind: authentication is
 * Keycloak's.
 */
final class Participants {
  private Participants() {}

  /**
   * An identity of an organisation acting as officer or supervisor, keyed by MSP and enrollment id.
   */
  record Officer(
      String mspId,
      String enrollmentId,
      String role,
      String userId,
      boolean active,
      String updatedAt) {}

  /** A buyer on ECTA's blacklist (non-payment, contract default). */
  record Buyer(
      String buyerId,
      String name,
      String country,
      String reason,
      boolean blacklisted,
      String updatedAt) {}

  /** An officer's, an exporter's and a buyer's standing, answered together to other chaincodes. */
  record Standings(String officer, String exporter, String buyer) {}
}
