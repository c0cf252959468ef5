package et.coffeeexport.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What ECTA records when it licenses an exporter (DOMAIN.md, "Participants"): the licence and the
 * coffee-quality competence certificate with their expiry, the tax number and the capital. The
 * exporter may act on it through the earlier of the two expiry days ({@link #validThrough()}); the
 * chaincode compares that day with the transaction's time, never with a clock.
 *
 * @param licenceExpiry the last day the ECTA export licence is valid (ISO date)
 * @param competenceCertificateExpiry the last day the competence certificate is valid (ISO date)
 * @param tin the exporter's 10-digit taxpayer identification number
 */
public record ExporterProfile(
    String name,
    String licenceNumber,
    String licenceExpiry,
    String competenceCertificateNumber,
    String competenceCertificateExpiry,
    String tin,
    long capitalEtb) {
  private static final Pattern TIN = Pattern.compile("[0-9]{10}");

  /** What is wrong with this profile; empty when ECTA may record it. */
  public List<String> violations() {
    Violations v = new Violations();
    v.check(
        name != null && !name.isBlank() && name.length() <= 200, "name must be 1-200 characters");
    v.check(Identifiers.isValid(licenceNumber), "licenceNumber must be an identifier");
    v.check(ExportRequest.parsesAsDate(licenceExpiry), "licenceExpiry must be an ISO-8601 date");
    v.check(
        Identifiers.isValid(competenceCertificateNumber),
        "competenceCertificateNumber must be an identifier");
    v.check(
        ExportRequest.parsesAsDate(competenceCertificateExpiry),
        "competenceCertificateExpiry must be an ISO-8601 date");
    v.check(tin != null && TIN.matcher(tin).matches(), "tin must be 10 digits");
    v.check(capitalEtb > 0, "capitalEtb must be positive");
    return v.list();
  }

  /**
   * The last day the exporter may act on this licence: the earlier of the licence's and the
   * certificate's expiry (an entry recorded before licences had an expiry follows its certificate).
   */
  public LocalDate validThrough() {
    LocalDate certificate = LocalDate.parse(competenceCertificateExpiry);
    if (licenceExpiry == null) {
      return certificate;
    }
    LocalDate licence = LocalDate.parse(licenceExpiry);
    return licence.isBefore(certificate) ? licence : certificate;
  }

  /** Whether the licence has lapsed at {@code now}: the day after {@link #validThrough()} began. */
  public boolean expiredAt(Instant now) {
    return Deadlines.passed(validThrough(), now);
  }

  /** This profile with the expiry days a renewal grants. */
  public ExporterProfile renewed(String newLicenceExpiry, String newCertificateExpiry) {
    return new ExporterProfile(
        name,
        licenceNumber,
        newLicenceExpiry,
        competenceCertificateNumber,
        newCertificateExpiry,
        tin,
        capitalEtb);
  }
}
