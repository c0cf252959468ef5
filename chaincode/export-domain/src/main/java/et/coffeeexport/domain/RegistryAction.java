package et.coffeeexport.domain;

/**
 * Everything that happens to an exporter's licence application. Each is one transaction of the
 * {@code user-management} chaincode's {@code LicenceApplicationContract} (named here, once: the
 * contract's method, the connector's call and the workflow's step all take it from this table), one
 * event, and one BPMN step.
 */
public enum RegistryAction {
  /** The exporter applies, for a registration or a renewal. */
  APPLY("applyForLicence", "LicenceApplied"),
  /** ECTA registers the applicant: the exporter enters the registry {@code ACTIVE}. */
  REGISTER("grantRegistration", "ExporterRegistered"),
  /** ECTA renews a registered exporter's licence: the registry records the new expiry days. */
  RENEW("renewLicence", "ExporterLicenceRenewed"),
  /** ECTA refuses the application, with reasons the exporter sees. */
  REFUSE("refuseApplication", "LicenceApplicationRefused");

  private final String transaction;
  private final String event;

  RegistryAction(String transaction, String event) {
    this.transaction = transaction;
    this.event = event;
  }

  /** The {@code LicenceApplicationContract} transaction that takes this action. */
  public String transaction() {
    return transaction;
  }

  /** The event the transaction emits, in the past tense. */
  public String event() {
    return event;
  }
}
