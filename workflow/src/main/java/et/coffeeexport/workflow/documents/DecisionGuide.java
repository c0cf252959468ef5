package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.lifecycle.DecisionTables;
import et.coffeeexport.workflow.prices.MinimumPrices;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What an officer decides by, shown beside the decision: the rule that applies (the minimum price
 * in force on the contract date, the FX rules' outcome, the grading table, the permit a declaration
 * consumes, the service level) and the deadlines (the task's due date, the export's shipment and
 * repatriation deadlines as the ledger holds them). Read from the ledger as the officer, and from
 * the task's process; nothing here is a private term.
 */
@Component
class DecisionGuide {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CachedLedgerReads reads;
  private final MinimumPrices minimumPrices;
  private final DecisionTables tables;

  DecisionGuide(CachedLedgerReads reads, MinimumPrices minimumPrices, DecisionTables tables) {
    this.reads = reads;
    this.minimumPrices = minimumPrices;
    this.tables = tables;
  }

  /** {@code {"rules": [{label, value, ref}], "deadlines": [{label, at}]}} for the task. */
  ObjectNode of(Task task, Map<String, Object> variables, String exportId, StoredIdentity reader) {
    ObjectNode guide = JSON.createObjectNode();
    ArrayNode rules = guide.putArray("rules");
    ArrayNode deadlines = guide.putArray("deadlines");
    if (task.getDueDate() != null) {
      deadlines
          .addObject()
          .put("label", "This task is due")
          .put("at", task.getDueDate().toInstant().toString());
    }
    Object level = variables.get("serviceLevel");
    if (level != null) {
      rule(
          rules,
          "Service level",
          days(level.toString()) + "; past it the organisation's supervisors are added to the task",
          ref("service-levels"));
    }
    ExportSnapshot export = exportId == null ? null : exportOrNone(rules, reader, exportId);
    if (export != null) {
      deadline(deadlines, "Last day of shipment", export.fact(ExportFacts.SHIPMENT_DUE));
      deadline(deadlines, "Proceeds due (repatriation)", export.fact(ExportFacts.REPATRIATION_DUE));
    }
    deadline(deadlines, "Contract report due", variables.get(ExportProcess.CONTRACT_REPORT_DUE));
    String key = task.getTaskDefinitionKey();
    Object stage = variables.get("stage");
    if ("Review".equals(key) && stage != null && export != null) {
      try {
        stageRule(rules, stage.toString(), export, variables, reader);
      } catch (RuntimeException e) {
        rule(
            rules,
            "The stage's rule",
            "cannot be read from the ledger now; it is applied when you decide",
            null);
      }
    } else if ("CoApproveForeignExchange".equals(key)) {
      rule(
          rules,
          "Four eyes",
          "the export's value is above the threshold: a supervisor other than the recommending officer approves",
          ref("fx-rules"));
    } else if ("Ship".equals(key)) {
      rule(
          rules,
          "Bill of lading",
          "its date fixes the shipment (late if after the last day of shipment) and starts the repatriation period",
          null);
    } else if ("DecideOnOverdueShipment".equals(key)) {
      rule(
          rules,
          "Extension",
          "a new last day of shipment within the rule set's maximum, with reasons; or cancel the export for cause",
          null);
    } else if (ExportProcess.COSIGN_RULE_SET_CHANGE.equals(key)) {
      rule(
          rules,
          "Four eyes",
          "the rule set is in force from its date only once a National Bank supervisor co-signed exactly this version",
          null);
      rule(
          rules,
          "In force from",
          String.valueOf(variables.get(ExportProcess.EFFECTIVE_DATE)),
          null);
    } else if ("CosignStandingChange".equals(key)) {
      rule(
          rules,
          "Four eyes",
          "a ban or a reinstatement takes an ECTA supervisor who did not propose it; you co-sign the proposal's reasons as they are",
          null);
    } else if (key.endsWith("PriceFloors")) {
      rule(
          rules,
          "Prices take effect on",
          variables.get(ExportProcess.EFFECTIVE_DATE).toString(),
          null);
      rule(
          rules,
          "Four eyes",
          "a floor is in force only once ECTA proposed it and a National Bank supervisor co-signed it",
          null);
    }
    return guide;
  }

  /**
   * The export as the ledger holds it; when the ledger cannot be read now the form still opens, and
   * says so (the decision's step checks everything again).
   */
  private ExportSnapshot exportOrNone(ArrayNode rules, StoredIdentity reader, String exportId) {
    try {
      return reads.export(reader, exportId);
    } catch (RuntimeException e) {
      rule(
          rules,
          "The ledger",
          "cannot be read now: the deadlines and the stage's rule are not shown",
          null);
      return null;
    }
  }

  private void stageRule(
      ArrayNode rules,
      String stage,
      ExportSnapshot export,
      Map<String, Object> variables,
      StoredIdentity reader) {
    switch (stage) {
      case "BANK_INTAKE" ->
          rule(
              rules,
              "Payment arrangement",
              "letter of credit, cash against documents or advance payment proof, and financing; the exporter must not be suspended, banned or delinquent (the ledger checks)",
              null);
      case "COMPLIANCE" -> minimumPrice(rules, export, reader);
      case "QUALITY" ->
          rule(
              rules,
              "Grade",
              "from the physical (of 40) and cup (of 60) scores by the rule set in force; a grade not allowed for export is refused",
              ref("grade"));
      case "FOREIGN_EXCHANGE" -> {
        Object allowed = variables.get("paymentModeAllowed");
        rule(
            rules,
            "FX rules",
            allowed == null
                ? "applied when you approve"
                : Boolean.TRUE.equals(allowed)
                    ? "the payment mode is allowed"
                    : "the payment mode is NOT allowed: an approval will be refused",
            ref("fx-rules"));
        rule(
            rules,
            "Delinquent list",
            "an exporter marked delinquent is refused FX approval (the ledger checks)",
            null);
      }
      case "CUSTOMS" -> {
        String permit = export.fact(ExportFacts.EXPORT_PERMIT_NUMBER);
        rule(
            rules,
            "Export permit",
            (permit == null ? "none issued" : permit)
                + ": the declaration consumes it, a permit is usable once",
            null);
      }
      default -> {}
    }
  }

  private void minimumPrice(ArrayNode rules, ExportSnapshot export, StoredIdentity reader) {
    var request = export.request();
    String what =
        request.grade()
            + " "
            + request.origin()
            + " "
            + request.process()
            + " on "
            + request.contractDate();
    try {
      PriceFloor floor =
          minimumPrices.inForce(
              reader,
              request.grade(),
              request.origin(),
              request.process(),
              LocalDate.parse(request.contractDate()));
      rule(
          rules,
          "Minimum export price",
          floor.minPricePerLbUsd().toPlainString()
              + " USD/lb for "
              + what
              + "; the contract price must be at or above it",
          floor.id());
    } catch (MinimumPrices.MinimumPriceMissing e) {
      rule(
          rules,
          "Minimum export price",
          "none co-signed for " + what + " yet: an approval returns until one is in force",
          null);
    }
    rule(
        rules,
        "Contract reporting",
        export.reportedLate()
            ? "reported LATE (more than 24 hours after signing)"
            : "reported within 24 hours of signing",
        null);
  }

  private static void rule(ArrayNode rules, String label, String value, String ref) {
    ObjectNode r = rules.addObject().put("label", label).put("value", value);
    if (ref != null) {
      r.put("ref", ref);
    }
  }

  private static void deadline(ArrayNode deadlines, String label, Object at) {
    if (at != null && !at.toString().isBlank()) {
      deadlines.addObject().put("label", label).put("at", at.toString());
    }
  }

  /** A service level (ISO-8601 duration) as people read it. */
  static String days(String level) {
    try {
      Duration d = Duration.parse(level);
      long hours = d.toHours();
      return hours % 24 == 0 ? (hours / 24) + (hours == 24 ? " day" : " days") : hours + " hours";
    } catch (java.time.format.DateTimeParseException e) {
      return level;
    }
  }

  private String ref(String key) {
    return tables.ref(key);
  }
}
