package et.coffeeexport.domain;

/** The six member organisations of the consortium (ARCHITECTURE.md, "Who uses it"). */
public enum Organisation {
  COMMERCIAL_BANK,
  NATIONAL_BANK,
  ECTA,
  ECX,
  SHIPPING_LINE,
  CUSTOM_AUTHORITIES
}
