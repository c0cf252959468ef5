package et.coffeeexport.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public part of an export request: what every organisation may see. The commercial terms are
 * in {@link ExportTerms}, private to Commercial Bank, National Bank and ECTA.
 *
 * @param contractSignedAt when the sales contract was signed (ISO-8601 instant), for the reporting
 *     deadline
 * @param contractDate the contract's date (ISO-8601 date), which selects the minimum price in force
 * @param destinationCountry ISO 3166-1 alpha-2
 * @param grade the grade declared in the contract; ECX certifies the actual one
 * @param origin the growing region, as in the minimum price table
 * @param process {@code WASHED} or {@code NATURAL}, as in the minimum price table
 */
public record ExportRequest(
    String exporterId,
    String contractNumber,
    String contractSignedAt,
    String contractDate,
    String destinationCountry,
    long quantityKg,
    String grade,
    String origin,
    String process,
    String incoterm) {

  /**
   * A 60 kg bag times 100,000: larger than any single contract; beyond it the figure is a mistake.
   */
  static final long MAX_QUANTITY_KG = 6_000_000;

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern WORD = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  private static final Set<String> INCOTERMS =
      Set.of("FOB", "FCA", "CFR", "CIF", "CPT", "CIP", "EXW", "DAP");

  /** What is wrong with this request under {@code rules}; empty when it may be submitted. */
  public List<String> violations(RuleSet rules) {
    Violations v = new Violations();
    v.check(Identifiers.isValid(exporterId), "exporterId must be an identifier");
    v.check(Identifiers.isValid(contractNumber), "contractNumber must be an identifier");
    v.check(parsesAsInstant(contractSignedAt), "contractSignedAt must be an ISO-8601 instant");
    v.check(parsesAsDate(contractDate), "contractDate must be an ISO-8601 date");
    v.check(
        destinationCountry != null && COUNTRY.matcher(destinationCountry).matches(),
        "destinationCountry must be ISO alpha-2");
    v.check(
        quantityKg > 0 && quantityKg <= MAX_QUANTITY_KG, "quantityKg must be 1-" + MAX_QUANTITY_KG);
    v.check(
        grade != null && rules.exportGrades().contains(grade),
        "grade must be one of " + sorted(rules.exportGrades()));
    v.check(
        origin != null && WORD.matcher(origin).matches(),
        "origin must be an upper-case region name");
    v.check(
        "WASHED".equals(process) || "NATURAL".equals(process), "process must be WASHED or NATURAL");
    v.check(
        incoterm != null && INCOTERMS.contains(incoterm),
        "incoterm must be one of " + sorted(INCOTERMS));
    return v.list();
  }

  static boolean parsesAsInstant(String value) {
    try {
      Instant.parse(value);
      return true;
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
  }

  static boolean parsesAsDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
