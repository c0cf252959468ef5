package et.coffeeexport.workflow.rules;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.RuleSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The ledger's rule sets, the one source of the rules that change with directives: the version an
 * export was filed under (it keeps it to the end) and what the workflow's decision tables read from
 * it ({@link DecisionInputs}). A co-signed version never changes, so each is read once.
 */
@Component
public class RuleSets {
  private final CoffeeExportChaincode ledger;
  private final Map<Integer, RuleSet> cosigned = new ConcurrentHashMap<>();

  RuleSets(CoffeeExportChaincode ledger) {
    this.ledger = ledger;
  }

  /** Rule set {@code version}, read as {@code reader} the first time. */
  public RuleSet version(Signatory reader, int version) {
    RuleSet rules = cosigned.get(version);
    if (rules == null) {
      rules = ledger.readRuleSet(reader, version);
      cosigned.put(version, rules);
    }
    return rules;
  }

  /** Rule set {@code version}'s values as the decision tables read them. */
  public Map<String, Object> decisionInputs(Signatory reader, int version) {
    return DecisionInputs.of(version(reader, version));
  }
}
