package et.coffeeexport.domain;

/**
 * The documents an export carries (DOMAIN.md, "Documents"). Stored encrypted in IPFS, anchored on
 * the ledger. Each is issued either by the exporter or by one organisation, and only its issuer may
 * anchor it.
 */
public enum DocumentType {
  SALES_CONTRACT(null),
  LC_ADVICE(null),
  ADVANCE_PAYMENT_ADVICE(null),
  CAD_INSTRUCTION(null),
  COMMERCIAL_INVOICE(null),
  PACKING_LIST(null),
  PHYTOSANITARY_CERTIFICATE(null),
  WAREHOUSE_RECEIPT(Organisation.ECX),
  QUALITY_CERTIFICATE(Organisation.ECX),
  EXPORT_PERMIT(Organisation.NATIONAL_BANK),
  ICO_CERTIFICATE_OF_ORIGIN(Organisation.ECTA),
  EXPORT_DECLARATION(Organisation.CUSTOM_AUTHORITIES),
  BOOKING_CONFIRMATION(Organisation.SHIPPING_LINE),
  BILL_OF_LADING(Organisation.SHIPPING_LINE),
  REPATRIATION_ADVICE(Organisation.COMMERCIAL_BANK);

  private final Organisation issuer;

  DocumentType(Organisation issuer) {
    this.issuer = issuer;
  }

  /**
   * The organisation whose officers issue this document; {@code null} when the exporter provides
   * it.
   */
  public Organisation issuer() {
    return issuer;
  }
}
