package et.coffeeexport.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The commercial terms of an export: private to Commercial Bank, National Bank and ECTA. Everyone
 * else sees the SHA-256 of their canonical form, which is why they carry a random {@code salt}:
 * without it, the few plausible prices and buyers could be guessed from the hash.
 *
 * @param pricePerLbUsd the contract price in US dollars per pound, as minimum prices are set
 * @param buyerId the buyer's identifier, as ECTA's buyer blacklist knows buyers
 * @param paymentReference the letter of credit number, CAD instruction or advance payment reference
 */
public record ExportTerms(
    BigDecimal pricePerLbUsd,
    String buyerId,
    String buyerName,
    String buyerCountry,
    PaymentMode paymentMode,
    String paymentReference,
    String salt) {

  private static final BigDecimal POUNDS_PER_KG = new BigDecimal("2.20462262");
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000");

  /** What is wrong with these terms under {@code rules}; empty when they may be recorded. */
  public List<String> violations(RuleSet rules) {
    Violations v = new Violations();
    v.check(
        pricePerLbUsd != null
            && pricePerLbUsd.signum() > 0
            && pricePerLbUsd.compareTo(MAX_PRICE) < 0
            && pricePerLbUsd.scale() <= 4,
        "pricePerLbUsd must be positive, below 1000 and have at most 4 decimals");
    v.check(Identifiers.isValid(buyerId), "buyerId must be an identifier");
    v.check(
        buyerName != null && !buyerName.isBlank() && buyerName.length() <= 200,
        "buyerName must be 1-200 characters");
    v.check(
        buyerCountry != null && buyerCountry.matches("[A-Z]{2}"),
        "buyerCountry must be ISO alpha-2");
    v.check(
        paymentMode != null && rules.allowedPaymentModes().contains(paymentMode),
        "paymentMode is not allowed by rule set " + rules.version());
    v.check(
        paymentReference != null && !paymentReference.isBlank() && paymentReference.length() <= 100,
        "paymentReference must be 1-100 characters");
    v.check(
        salt != null && salt.length() >= 16 && salt.length() <= 128,
        "salt must be 16-128 characters");
    return v.list();
  }

  /** The same terms with another salt: what changed, if anything, apart from the salt. */
  public ExportTerms withSalt(String other) {
    return new ExportTerms(
        pricePerLbUsd, buyerId, buyerName, buyerCountry, paymentMode, paymentReference, other);
  }

  /** The contract value in US dollars for {@code quantityKg}, rounded to cents. */
  public BigDecimal valueUsd(long quantityKg) {
    return pricePerLbUsd
        .multiply(POUNDS_PER_KG)
        .multiply(BigDecimal.valueOf(quantityKg))
        .setScale(2, RoundingMode.HALF_EVEN);
  }
}
