package et.coffeeexport.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A minimum export price: set by ECTA, in force once National Bank co-signs it, from its effective
 * date until a later entry for the same grade, origin and process takes over.
 *
 * @param id the entry's ledger identifier; decisions name it as the rule they applied
 * @param cosigned whether National Bank has co-signed it (only co-signed entries are in force)
 * @param proposedBy who proposed it for ECTA: the signer's user id (certificate attribute {@code
 *     uid}), else their enrollment id (an organisation's administrator); set by the ledger, never
 *     by the proposal
 * @param cosignedBy who co-signed it for National Bank, likewise; null until co-signed
 */
public record PriceFloor(
    String id,
    String grade,
    String origin,
    String process,
    String effectiveDate,
    BigDecimal minPricePerLbUsd,
    boolean cosigned,
    String proposedBy,
    String cosignedBy) {

  /**
   * The entry in force on {@code day} among {@code entries} (all for one grade, origin and
   * process).
   */
  public static Optional<PriceFloor> inForce(List<PriceFloor> entries, LocalDate day) {
    return entries.stream()
        .filter(PriceFloor::cosigned)
        .filter(e -> !LocalDate.parse(e.effectiveDate()).isAfter(day))
        .max(Comparator.comparing(e -> LocalDate.parse(e.effectiveDate())));
  }

  /** Whether {@code price} respects this floor. */
  public boolean admits(BigDecimal price) {
    return price.compareTo(minPricePerLbUsd) >= 0;
  }

  /** What is wrong with this entry; empty when it may be proposed. */
  public List<String> violations() {
    Violations v = new Violations();
    v.check(grade != null && grade.matches("G[1-9]|UG"), "grade must be G1-G9 or UG");
    v.check(
        origin != null && origin.matches("[A-Z][A-Z0-9_]{0,31}"),
        "origin must be an upper-case region name");
    v.check(
        "WASHED".equals(process) || "NATURAL".equals(process), "process must be WASHED or NATURAL");
    v.check(ExportRequest.parsesAsDate(effectiveDate), "effectiveDate must be an ISO-8601 date");
    v.check(
        minPricePerLbUsd != null && minPricePerLbUsd.signum() > 0,
        "minPricePerLbUsd must be positive");
    return v.list();
  }
}
