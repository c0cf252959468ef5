package et.coffeeexport.domain;

/**
 * Where an export stands in its lifecycle (DOMAIN.md, "The stages"). The ledger is the authority on
 * it.
 */
public enum ExportStatus {
  SUBMITTED,
  BANK_VERIFIED,
  ECTA_APPROVED,
  QUALITY_CERTIFIED,
  FX_APPROVED,
  CUSTOMS_CLEARED,
  SHIPMENT_BOOKED,
  SHIPPED,
  ARRIVED,
  COMPLETED,
  RETURNED_FOR_AMENDMENT,
  REJECTED,
  CANCELLED;

  /** True for the statuses no transition leaves. */
  public boolean isFinal() {
    return this == COMPLETED || this == REJECTED || this == CANCELLED;
  }
}
