package et.coffeeexport.workflow.registration;

import et.coffeeexport.bpmn.ExportProcess.Registration;
import et.coffeeexport.bpmn.ExportProcess.Registration.LicenceNotice;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The licence's watch: when its timer fires, reads the exporter's entry from the ledger (as ECTA's
 * platform identity: no person decides here) and, while the licence watched is still the one in
 * force, posts the exporter a notice: renew before it lapses, or it lapsed. A licence renewed since
 * (a later expiry: the renewal's own process watches it) or an exporter banned ends the watch
 * without a notice. Nothing is written to the ledger: a lapsed licence stops the exporter by
 * itself, the chaincode comparing its expiry with each transaction's time.
 */
@Component("licenceWatch")
class LicenceWatch implements JavaDelegate {
  private final UserManagementChaincode registry;
  private final ApplicationRecords records;
  private final ExporterNotices notices;
  private final Path connections;
  private volatile Signatory ecta;

  LicenceWatch(
      UserManagementChaincode registry,
      ApplicationRecords records,
      ExporterNotices notices,
      @Value("${coffee-export.connectors.connections}") Path connections) {
    this.registry = registry;
    this.records = records;
    this.notices = notices;
    this.connections = connections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LicenceNotice notice =
        LicenceNotice.valueOf(
            LedgerActors.property(execution, Registration.LICENCE_NOTICE).orElseThrow());
    String applicationId = execution.getProcessBusinessKey();
    String exporterId = records.exporterOfRunning(applicationId);
    LocalDate watched =
        LicenceDates.validThrough((String) execution.getVariable(Registration.LICENCE_EXPIRES_AT));
    RegisteredExporter now = registry.readExporter(ecta(), exporterId);
    boolean superseded =
        now.standing() == ExporterStanding.BANNED || now.profile().validThrough().isAfter(watched);
    if (!superseded) {
      notices.post(exporterId, applicationId, notice.name(), message(notice, watched));
    }
    execution.setVariable(Registration.LICENCE_SUPERSEDED, superseded);
  }

  static String message(LicenceNotice notice, LocalDate validThrough) {
    return switch (notice) {
      case REMINDER ->
          "Your export licence is valid through "
              + validThrough
              + ": apply for its renewal (POST /api/registration/renewal) before then; from "
              + validThrough.plusDays(1)
              + " the ledger refuses your filings until ECTA renews it.";
      case EXPIRED ->
          "Your export licence lapsed after "
              + validThrough
              + ": the ledger refuses your filings until ECTA renews it (POST"
              + " /api/registration/renewal).";
    };
  }

  /** ECTA's platform identity, read from its files once. */
  private Signatory ecta() {
    Signatory loaded = ecta;
    if (loaded == null) {
      loaded =
          Signatory.of(
              OrganisationProfile.load(connections, Organisation.ECTA.networkName())
                  .credentials("platform"));
      ecta = loaded;
    }
    return loaded;
  }
}
