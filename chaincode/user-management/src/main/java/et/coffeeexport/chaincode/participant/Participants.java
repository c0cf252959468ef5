package et.coffeeexport.chaincode.participant;

import et.coffeeexport.domain.ExporterStanding;
import java.util.List;

/** The registry's records. None holds a credential of any kind: authentication is Keycloak's. */
final class Participants {
  private Participants() {}

  /** What ECTA records when it licenses an exporter. */
  record ExporterProfile(
      String name,
      String licenceNumber,
      String competenceCertificateNumber,
      String competenceCertificateExpiry,
      String tin,
      long capitalEtb) {}

  record Exporter(
      String exporterId,
      ExporterStanding standing,
      ExporterProfile profile,
      String registeredAt,
      String updatedAt,
      List<String> lastReasons) {}

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

  /** An officer's and an exporter's standing, answered together to other chaincodes. */
  record Standings(String officer, String exporter) {}
}
