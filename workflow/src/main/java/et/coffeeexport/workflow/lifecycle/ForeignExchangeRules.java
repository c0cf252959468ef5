package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.workflow.rules.RuleSets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * National Bank's FX rules for an export: whether its payment mode is allowed and whether its value
 * needs a supervisor's co-approval. Both depend on the private terms, which never become process
 * variables: they are read from the private collection as National Bank's platform identity (a
 * member of it), and the deployed {@code fx-rules} table is evaluated on a DMN engine of its own,
 * outside the process engine, so neither the value nor the payment mode lands in the history
 * Cockpit shows. Only the two outcomes become variables, and the table's version with them.
 */
@Component("decideForeignExchangeRules")
class ForeignExchangeRules implements JavaDelegate {
  static final String TABLE = "fx-rules";
  static final String FOUR_EYES = "fourEyes";
  static final String PAYMENT_MODE_ALLOWED = "paymentModeAllowed";

  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final CoffeeExportChaincode ledger;
  private final RepositoryService repository;
  private final Path connections;
  private final ExportOf exports;
  private final RuleSets ruleSets;
  private volatile Signatory nationalBank;

  ForeignExchangeRules(
      CoffeeExportChaincode ledger,
      RepositoryService repository,
      ExportOf exports,
      RuleSets ruleSets,
      @Value("${coffee-export.connectors.connections}") Path connections) {
    this.ledger = ledger;
    this.repository = repository;
    this.exports = exports;
    this.ruleSets = ruleSets;
    this.connections = connections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exportId = exports.id(execution);
    Signatory nationalBank = nationalBank();
    ExportTerms terms = ledger.readTerms(nationalBank, exportId);
    var export = ledger.readExport(nationalBank, exportId);
    var definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(TABLE)
            .latestVersion()
            .singleResult();
    var decision = dmn.parseDecision(TABLE, repository.getDecisionModel(definition.getId()));
    // The threshold and the modes allowed are the rule set's the export was filed under: one
    // source.
    Map<String, Object> variables =
        new HashMap<>(ruleSets.decisionInputs(nationalBank, export.ruleVersion()));
    variables.put("valueUsd", terms.valueUsd(export.request().quantityKg()).doubleValue());
    variables.put("paymentMode", terms.paymentMode().name());
    var result = dmn.evaluateDecisionTable(decision, variables).getSingleResult();
    execution.setVariable(FOUR_EYES, result.getEntry(FOUR_EYES));
    execution.setVariable(PAYMENT_MODE_ALLOWED, result.getEntry(PAYMENT_MODE_ALLOWED));
    execution.setVariable("fxRulesApplied", TABLE + ":v" + definition.getVersion());
  }

  /** National Bank's platform identity, read from its files once (not on every export's step). */
  private Signatory nationalBank() {
    Signatory loaded = nationalBank;
    if (loaded == null) {
      loaded =
          Signatory.of(
              OrganisationProfile.load(connections, Organisation.NATIONAL_BANK.networkName())
                  .credentials("platform"));
      nationalBank = loaded;
    }
    return loaded;
  }
}
