package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * National Bank's FX approval, with the four-eyes rule for exports above the threshold in force.
 */
final class ForeignExchangeApproval {
  private final Transitions t;

  ForeignExchangeApproval(Transitions t) {
    this.t = t;
  }

  String approve(String exportId, List<String> reasons) {
    // A retried recommendation is a replay too, not a second approval by the same officer.
    var replayed = t.replayed(exportId, ExportAction.APPROVE_FOREIGN_EXCHANGE);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    ExportSnapshot export = t.store.export(exportId);
    RuleSet rules = t.store.rulesOf(export);
    // Refuse strangers before reading the terms; the terms name the buyer the registry is asked
    // about, in the same one call as the officer and the exporter.
    t.allowed(export, ExportAction.APPROVE_FOREIGN_EXCHANGE, rules);
    ExportTerms terms = new PrivateTerms(t.stub).read(exportId);
    t.registry.buying(terms.buyerId());
    boolean highValue =
        terms.valueUsd(export.request().quantityKg()).compareTo(rules.fourEyesThresholdUsd()) > 0;
    String recommendedBy = export.fact(ExportFacts.FX_RECOMMENDED_BY);
    if (highValue && recommendedBy == null) {
      t.registry.requireActiveOfficer(t.caller);
      t.registry.requireBuyerNotBlacklisted(terms.buyerId());
      return recommend(export, reasons, rules);
    }
    if (highValue
        && (t.caller.role() != Role.SUPERVISOR || recommendedBy.equals(t.caller.certificateId()))) {
      throw ContractError.of(
          RefusalCode.FOUR_EYES_REQUIRED,
          "above "
              + rules.fourEyesThresholdUsd()
              + " USD a supervisor other than the recommending officer must approve");
    }
    return t.take(
        export,
        rules,
        ExportAction.APPROVE_FOREIGN_EXCHANGE,
        reasons,
        (e, r) -> {
          t.registry.requireActiveExporter(e.exporterId());
          t.registry.requireBuyerNotBlacklisted(terms.buyerId());
          if (!r.allowedPaymentModes().contains(terms.paymentMode())) {
            throw ContractError.of(
                RefusalCode.PRECONDITION_FAILED,
                terms.paymentMode() + " is not allowed by rule set " + r.version());
          }
          String grade = e.fact(ExportFacts.GRADE);
          String floor =
              new PriceCheck(t)
                  .requireAtOrAboveFloor(e, grade == null ? e.request().grade() : grade);
          return Transitions.Outcome.of(
              Map.of(ExportFacts.EXPORT_PERMIT_NUMBER, new Permits(t).issue(e.exportId())), floor);
        });
  }

  /** The first of two approvals: recorded in the trail, the export does not move. */
  private String recommend(ExportSnapshot export, List<String> reasons, RuleSet rules) {
    ExportState unchanged = t.allowed(export, ExportAction.RECOMMEND_FOREIGN_EXCHANGE, rules);
    Map<String, String> facts =
        new TreeMap<>(Map.of(ExportFacts.FX_RECOMMENDED_BY, t.caller.certificateId()));
    ExportSnapshot after = export.decided(unchanged, facts, t.now());
    return t.commit(
        export,
        after,
        ExportAction.RECOMMEND_FOREIGN_EXCHANGE.name(),
        reasons,
        rules,
        Transitions.Outcome.of(facts),
        Events.of(ExportAction.RECOMMEND_FOREIGN_EXCHANGE));
  }
}
