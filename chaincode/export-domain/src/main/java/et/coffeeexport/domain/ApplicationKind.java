package et.coffeeexport.domain;

/** What an exporter asks ECTA for: its first registration, or the renewal of its licence. */
public enum ApplicationKind {
  REGISTRATION,
  RENEWAL
}
