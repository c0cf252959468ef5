package et.coffeeexport.domain;

/** Where an exporter's licence application stands; the ledger is the authority on it. */
public enum ApplicationStatus {
  /** Applied for; its documents are anchored on it while ECTA has not decided. */
  SUBMITTED,
  REGISTERED,
  RENEWED,
  REFUSED;

  /** True once ECTA decided: nothing changes a decided application. */
  public boolean isFinal() {
    return this != SUBMITTED;
  }
}
