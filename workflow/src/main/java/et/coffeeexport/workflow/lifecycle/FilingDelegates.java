package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.connectors.fabric.Decided;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.domain.Deadlines;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.workflow.rules.RuleSets;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exporter's filing, with the private terms, which reach only the private collection's
 * endorsers as transient data and are never stored in the process.
 */
@Configuration
class FilingDelegates {
  @Bean
  JavaDelegate fileExport(LedgerSteps steps, DeadlineTimers deadlines, RuleSets ruleSets) {
    return execution -> {
      var exporter = steps.actor(execution);
      String exportId = steps.exportId(execution);
      String request = (String) execution.getVariable("requestJson");
      Object terms = execution.getVariable("termsJson");
      var ledger = steps.ledger();
      ExportSnapshot export =
          steps
              .followed(
                  execution, exportId, () -> filed(ledger, exporter, exportId, request, terms))
              .export();
      // The rule set the export was filed under, which it keeps to the end.
      RuleSet rules = ruleSets.version(exporter, export.ruleVersion());
      // The domain's deadlines from the dates the ledger recorded, never this machine's clock.
      Instant signed = Instant.parse(export.request().contractSignedAt());
      deadlines.contractReport(execution, Deadlines.contractReportDue(signed, rules));
      // Provisional until ECTA registers the contract and the ledger records the real dates:
      // counted from the filing's ledger time, as the chaincode counts from the registration's.
      LocalDate shipmentDue = Deadlines.shipmentDue(Instant.parse(export.createdAt()), rules);
      deadlines.shipment(execution, shipmentDue);
      deadlines.repatriation(execution, Deadlines.repatriationDue(shipmentDue, rules));
    };
  }

  /**
   * Files, or finds the filing a retry already made: the export id is derived from the request's
   * key, so the export that exists is this filing.
   */
  private static Decided filed(
      et.coffeeexport.connectors.fabric.CoffeeExportChaincode ledger,
      et.coffeeexport.identity.wallet.StoredIdentity exporter,
      String exportId,
      String request,
      Object terms) {
    try {
      return ledger.file(exporter, exportId, request, terms == null ? "{}" : terms.toString());
    } catch (LedgerRefusal e) {
      if (e.code() != RefusalCode.ALREADY_EXISTS) {
        throw e;
      }
      return new Decided(ledger.readExport(exporter, exportId), null, -1);
    }
  }
}
