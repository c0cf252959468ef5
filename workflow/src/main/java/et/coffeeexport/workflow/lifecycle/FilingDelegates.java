package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.fabric.ExportLedger;
import et.coffeeexport.connectors.fabric.LedgerCall;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exporter's own steps: filing (with the private terms, which reach only Commercial Bank's peer
 * as transient data and are never stored in the process), amending, cancelling.
 */
@Configuration
class FilingDelegates {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              false);

  @Bean
  JavaDelegate fileExport(LedgerSteps steps, Deadlines deadlines, ExportLedger ledger) {
    return execution -> {
      StoredIdentity exporter = steps.actor(execution);
      String exportId = (String) execution.getVariable(ExportProcess.EXPORT_ID);
      String request = (String) execution.getVariable("requestJson");
      Object terms = execution.getVariable("termsJson");
      Map<String, byte[]> transientTerms =
          terms == null
              ? Map.of()
              : Map.of("terms", terms.toString().getBytes(StandardCharsets.UTF_8));
      JsonNode export;
      try {
        export =
            steps.submit(
                exporter, "ExportContract", "createExport", transientTerms, exportId, request);
      } catch (BpmnError e) {
        // A retry after a crash finds its own filing: the export id is derived from the request's
        // key.
        if (e.getMessage() == null || !e.getMessage().startsWith("ALREADY_EXISTS")) {
          throw e;
        }
        export = query(ledger, exporter, "ExportQueryContract", "readExport", exportId);
      }
      RuleSet rules =
          JSON.treeToValue(query(ledger, exporter, "RuleContract", "readRuleSet"), RuleSet.class);
      // The domain's deadlines from the dates the ledger recorded, never this machine's clock.
      Instant signed = Instant.parse(export.path("request").path("contractSignedAt").asText());
      deadlines.contractReport(
          execution, et.coffeeexport.domain.Deadlines.contractReportDue(signed, rules));
      // Provisional until ECTA registers the contract and the ledger records the real dates:
      // counted from the filing's ledger time, as the chaincode counts from the registration's.
      LocalDate shipmentDue =
          et.coffeeexport.domain.Deadlines.shipmentDue(
              Instant.parse(export.path("createdAt").asText()), rules);
      deadlines.shipment(execution, shipmentDue);
      deadlines.repatriation(
          execution, et.coffeeexport.domain.Deadlines.repatriationDue(shipmentDue, rules));
    };
  }

  @Bean
  JavaDelegate recordAmendment(LedgerSteps steps) {
    return execution ->
        steps.submit(
            steps.actor(execution),
            "ExportContract",
            "amendExport",
            Map.of(),
            (String) execution.getVariable(ExportProcess.EXPORT_ID),
            (String) execution.getVariable("requestJson"));
  }

  @Bean
  JavaDelegate recordCancellation(LedgerSteps steps) {
    return execution -> steps.step(execution, "cancelExport", Notes.of(execution));
  }

  /** A coffee-export query as the exporter, answered as JSON. */
  private static JsonNode query(
      ExportLedger ledger, StoredIdentity exporter, String contract, String query, String... args) {
    return read(
        ledger.evaluate(
            LedgerCall.of(exporter.org(), exporter, "coffee-export", contract, query, args)));
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the chaincode answered something that is not JSON", e);
    }
  }
}
