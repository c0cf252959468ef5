package et.coffeeexport.domain;

import java.util.Set;

/**
 * The documents an export carries (DOMAIN.md, "Documents"), and those of an exporter's licence
 * application. Stored encrypted in IPFS, anchored on the ledger. Each is issued either by the
 * exporter or by one organisation, and only its issuer may anchor it.
 */
public enum DocumentType {
  SALES_CONTRACT(null, Readers.PAYMENT),
  LC_ADVICE(null, Readers.PAYMENT),
  ADVANCE_PAYMENT_ADVICE(null, Readers.PAYMENT),
  CAD_INSTRUCTION(null, Readers.PAYMENT),
  COMMERCIAL_INVOICE(null, Readers.PAYMENT),
  PACKING_LIST(null, Readers.CLEARANCE),
  PHYTOSANITARY_CERTIFICATE(null, Readers.CLEARANCE),
  WAREHOUSE_RECEIPT(Organisation.ECX, Readers.QUALITY),
  QUALITY_CERTIFICATE(Organisation.ECX, Readers.QUALITY),
  EXPORT_PERMIT(Organisation.NATIONAL_BANK, Readers.CLEARANCE),
  ICO_CERTIFICATE_OF_ORIGIN(Organisation.ECTA, Readers.CLEARANCE),
  EXPORT_DECLARATION(Organisation.CUSTOM_AUTHORITIES, Readers.CLEARANCE),
  BOOKING_CONFIRMATION(Organisation.SHIPPING_LINE, Readers.TRANSPORT),
  BILL_OF_LADING(Organisation.SHIPPING_LINE, Readers.TRANSPORT),
  REPATRIATION_ADVICE(Organisation.COMMERCIAL_BANK, Readers.PROCEEDS),
  /** ECTA's export licence, as the exporter holds it: carried by a licence application. */
  EXPORT_LICENCE(null, Readers.LICENSING, true),
  /** ECTA's coffee-quality competence certificate: carried by a licence application. */
  COMPETENCE_CERTIFICATE(null, Readers.LICENSING, true);

  /** The readers of each kind of document (a holder: constants cannot use their enum's statics). */
  private static final class Readers {
    /** Contract, payment and invoice: the private collection's members. */
    static final Set<Organisation> PAYMENT =
        Set.of(Organisation.COMMERCIAL_BANK, Organisation.NATIONAL_BANK, Organisation.ECTA);

    static final Set<Organisation> QUALITY =
        Set.of(
            Organisation.ECTA,
            Organisation.ECX,
            Organisation.NATIONAL_BANK,
            Organisation.CUSTOM_AUTHORITIES);

    /** Every stage from customs on (customs, shipping, proceeds), plus ECTA and National Bank. */
    static final Set<Organisation> CLEARANCE =
        Set.of(
            Organisation.CUSTOM_AUTHORITIES,
            Organisation.SHIPPING_LINE,
            Organisation.COMMERCIAL_BANK,
            Organisation.ECTA,
            Organisation.NATIONAL_BANK);

    static final Set<Organisation> TRANSPORT =
        Set.of(
            Organisation.SHIPPING_LINE,
            Organisation.CUSTOM_AUTHORITIES,
            Organisation.COMMERCIAL_BANK,
            Organisation.NATIONAL_BANK);

    static final Set<Organisation> PROCEEDS =
        Set.of(Organisation.COMMERCIAL_BANK, Organisation.NATIONAL_BANK);

    /**
     * An exporter's licence and competence certificate: ECTA, which licenses, and National Bank,
     * which oversees who exports (DOMAIN.md names no readers for them; these two decide on them).
     */
    static final Set<Organisation> LICENSING =
        Set.of(Organisation.ECTA, Organisation.NATIONAL_BANK);
  }

  private final Organisation issuer;
  private final Set<Organisation> readers;
  private final boolean licensing;

  DocumentType(Organisation issuer, Set<Organisation> readers) {
    this(issuer, readers, false);
  }

  DocumentType(Organisation issuer, Set<Organisation> readers, boolean licensing) {
    this.issuer = issuer;
    this.readers = readers;
    this.licensing = licensing;
  }

  /**
   * Whether an exporter's licence application carries this document (the registry's), rather than
   * an export: the ledger anchors each kind only where it belongs.
   */
  public boolean ofLicenceApplications() {
    return licensing;
  }

  /** The documents an export may carry, in declaration order. */
  public static java.util.List<DocumentType> ofExports() {
    return java.util.Arrays.stream(values()).filter(t -> !t.licensing).toList();
  }

  /**
   * Who may read the content (DOMAIN.md, "Who may read a document"), besides the export's own
   * exporter. Others, analysts included, see only that it exists (its anchor).
   */
  public boolean readableBy(Organisation organisation) {
    return readers.contains(organisation);
  }

  /**
   * The organisation whose officers issue this document; {@code null} when the exporter provides
   * it.
   */
  public Organisation issuer() {
    return issuer;
  }
}
