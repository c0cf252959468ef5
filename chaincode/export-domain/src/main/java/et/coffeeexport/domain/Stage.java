package et.coffeeexport.domain;

/**
 * The stages of an export in the owner's order, each the responsibility of one organisation
 * (DOMAIN.md, "The stages"). Reviewing stages may return an export for amendment or reject it.
 */
public enum Stage {
  SUBMISSION(Organisation.COMMERCIAL_BANK, false),
  BANK_INTAKE(Organisation.COMMERCIAL_BANK, true),
  COMPLIANCE(Organisation.ECTA, true),
  QUALITY(Organisation.ECX, true),
  FOREIGN_EXCHANGE(Organisation.NATIONAL_BANK, true),
  CUSTOMS(Organisation.CUSTOM_AUTHORITIES, true),
  SHIPPING(Organisation.SHIPPING_LINE, false),
  PROCEEDS(Organisation.COMMERCIAL_BANK, false);

  private final Organisation responsible;
  private final boolean reviewing;

  Stage(Organisation responsible, boolean reviewing) {
    this.responsible = responsible;
    this.reviewing = reviewing;
  }

  /** The organisation whose officers act at this stage and whose peer must endorse it. */
  public Organisation responsible() {
    return responsible;
  }

  /** Whether this stage reviews the export and so may return it for amendment or reject it. */
  public boolean isReviewing() {
    return reviewing;
  }
}
