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

  /**
   * An exporter's entry.
   *
   * @param overdueExports the exports whose proceeds National Bank found overdue and has not yet
   *     cleared: while any is listed the exporter is delinquent, whatever else its standing says
   */
  record Exporter(
      String exporterId,
      ExporterStanding standing,
      ExporterProfile profile,
      String registeredAt,
      String updatedAt,
      List<String> lastReasons,
      List<String> overdueExports) {
    Exporter {
      overdueExports =
          overdueExports == null ? List.of() : overdueExports.stream().sorted().toList();
    }

    /** The standing that decides whether the exporter may act. */
    ExporterStanding effectiveStanding() {
      return standing == ExporterStanding.ACTIVE && !overdueExports.isEmpty()
          ? ExporterStanding.DELINQUENT
          : standing;
    }
  }

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
