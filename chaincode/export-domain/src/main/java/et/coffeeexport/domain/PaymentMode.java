package et.coffeeexport.domain;

/**
 * How the buyer pays; which modes are allowed is a rule ({@link RuleSet#allowedPaymentModes()}).
 */
public enum PaymentMode {
  LETTER_OF_CREDIT,
  CASH_AGAINST_DOCUMENTS,
  ADVANCE_PAYMENT,
  CONSIGNMENT
}
