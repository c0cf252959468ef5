package et.coffeeexport.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.PaymentMode;
import et.coffeeexport.domain.RuleSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.junit.jupiter.api.Test;

/**
 * ECTA's typed changes: each rule the form offers is one this code knows, a value of the wrong kind
 * is refused naming its field, and the changes make the next rule set of the newest one, dated and
 * naming the directive, with a summary the co-signer reads.
 */
class ProposedChangesTest {
  static final RuleSet GENESIS = genesis();

  static RuleSet genesis() {
    try {
      return new ObjectMapper()
          .readValue(Path.of("../network/config/rules/ruleset-1.json").toFile(), RuleSet.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> form(String... ruleValuePairs) {
    Map<String, Object> form = new HashMap<>();
    for (int i = 0; i < ruleValuePairs.length / 2; i++) {
      form.put(ExportProcess.ruleField(i + 1), ruleValuePairs[2 * i]);
      form.put(ExportProcess.newValueField(i + 1), ruleValuePairs[2 * i + 1]);
    }
    form.put(ExportProcess.EFFECTIVE_DATE, "2027-01-01");
    form.put(ExportProcess.DIRECTIVE, "NBE FX directive 2026/7");
    return form;
  }

  private static String refusedField(Map<String, Object> form) {
    try {
      ProposedChanges.of(form::get);
    } catch (ProposedChanges.Refused e) {
      return e.field + ": " + e.getMessage();
    }
    throw new AssertionError("accepted " + form);
  }

  @Test
  void theFormsOfferExactlyTheRulesThatCanBeChanged() {
    var model =
        Bpmn.readModelFromStream(
            getClass().getClassLoader().getResourceAsStream("processes/rule-set-change.bpmn"));
    List<String> known = Arrays.stream(RuleChange.values()).map(Enum::name).toList();
    for (String form : List.of("RuleSetChangeProposed", ExportProcess.REVISE_RULE_SET_CHANGE)) {
      FlowElement element = model.getModelElementById(form);
      List<CamundaFormField> fields =
          element
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaFormData.class)
              .singleResult()
              .getCamundaFormFields()
              .stream()
              .toList();
      for (int n = 1; n <= ExportProcess.MAX_RULE_CHANGES; n++) {
        String id = ExportProcess.ruleField(n);
        CamundaFormField rule =
            fields.stream().filter(f -> f.getCamundaId().equals(id)).findFirst().orElseThrow();
        assertThat(rule.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList())
            .as("%s of %s", id, form)
            .isEqualTo(known);
        assertThat(fields)
            .extracting(CamundaFormField::getCamundaId)
            .contains(ExportProcess.newValueField(n));
      }
      assertThat(fields)
          .extracting(CamundaFormField::getCamundaId)
          .contains(ExportProcess.EFFECTIVE_DATE, ExportProcess.DIRECTIVE)
          .doesNotContain(ExportProcess.PROPOSED_VERSION, ExportProcess.PROPOSAL_HASH);
    }
  }

  @Test
  void changesMakeTheNextRuleSetOfTheNewest() {
    RuleSet next =
        ProposedChanges.of(
                form(
                        "FOUR_EYES_THRESHOLD_USD", "2000000.50",
                        "MIN_SCORE_G3", "72",
                        "REQUIRED_DOCUMENTS_SHIP", "BILL_OF_LADING, PACKING_LIST")
                    ::get)
            .applyTo(GENESIS);
    assertThat(next.version()).isEqualTo(GENESIS.version() + 1);
    assertThat(next.effectiveDate()).isEqualTo("2027-01-01");
    assertThat(next.directive()).isEqualTo("NBE FX directive 2026/7");
    assertThat(next.proposedBy()).isNull();
    assertThat(next.fourEyesThresholdUsd()).isEqualByComparingTo(new BigDecimal("2000000.50"));
    assertThat(next.gradeThresholds())
        .filteredOn(t -> t.grade().equals("G3"))
        .singleElement()
        .extracting(RuleSet.GradeThreshold::minScore)
        .isEqualTo(72);
    assertThat(next.documentsRequiredFor(ExportAction.SHIP))
        .containsExactly(DocumentType.PACKING_LIST, DocumentType.BILL_OF_LADING);
    assertThat(next.maxAmendmentRounds()).as("unchanged").isEqualTo(GENESIS.maxAmendmentRounds());
    assertThat(next.violations()).isEmpty();
  }

  @Test
  void listsAndScoresAreSetWhereTheRuleSetKeepsThem() {
    RuleSet fewer =
        ProposedChanges.of(
                form(
                        "EXPORT_GRADES", "G1,G2",
                        "ALLOWED_PAYMENT_MODES", "LETTER_OF_CREDIT",
                        "REQUIRED_DOCUMENTS_VERIFY_AT_BANK", "NONE")
                    ::get)
            .applyTo(GENESIS);
    assertThat(fewer.exportGrades()).containsExactly("G1", "G2");
    assertThat(fewer.allowedPaymentModes()).containsExactly(PaymentMode.LETTER_OF_CREDIT);
    assertThat(fewer.documentsRequiredFor(ExportAction.VERIFY_AT_BANK)).isEmpty();
    RuleSet onlyTwoGrades =
        new ObjectMapper()
            .convertValue(
                Map.of(
                    "version",
                    1,
                    "gradeThresholds",
                    List.of(
                        Map.of("grade", "G1", "minScore", 91),
                        Map.of("grade", "G5", "minScore", 58))),
                RuleSet.class);
    RuleSet added = ProposedChanges.of(form("MIN_SCORE_G3", "71")::get).applyTo(onlyTwoGrades);
    assertThat(added.gradeThresholds())
        .as("a grade the rule set did not list goes in its place, best first")
        .extracting(RuleSet.GradeThreshold::grade)
        .containsExactly("G1", "G3", "G5");
  }

  @Test
  void theSummaryShowsEachRuleBeforeAndAfter() {
    String summary =
        ProposedChanges.of(
                form("FOUR_EYES_THRESHOLD_USD", "2000000", "EXPORT_GRADES", "G1,G2")::get)
            .summary(GENESIS);
    assertThat(summary)
        .isEqualTo(
            "Rule set 2 in force from 2027-01-01 (directive: NBE FX directive 2026/7):\n"
                + "- FOUR_EYES_THRESHOLD_USD: 1000000 -> 2000000\n"
                + "- EXPORT_GRADES: G1,G2,G3,G4,G5 -> G1,G2");
  }

  @Test
  void aMistakeIsRefusedInTheFieldItIsIn() {
    assertThat(refusedField(form())).startsWith("rule1: ");
    assertThat(refusedField(form("RAISE_PRICES", "1"))).startsWith("rule1: ");
    assertThat(refusedField(form("SHIPMENT_PERIOD_DAYS", "ninety")))
        .isEqualTo("newValue1: form field newValue1 must be a whole number");
    assertThat(refusedField(form("MIN_SCORE_G1", "101"))).startsWith("newValue1: ");
    assertThat(refusedField(form("EXPORT_GRADES", "G1,G10"))).startsWith("newValue1: ");
    assertThat(refusedField(form("ALLOWED_PAYMENT_MODES", "BARTER"))).startsWith("newValue1: ");
    assertThat(refusedField(form("REQUIRED_DOCUMENTS_SHIP", ""))).startsWith("newValue1: ");
    assertThat(refusedField(form("SHIPMENT_PERIOD_DAYS", "90", "SHIPMENT_PERIOD_DAYS", "80")))
        .startsWith("rule2: ")
        .contains("repeats");
    Map<String, Object> valueWithoutRule = form("SHIPMENT_PERIOD_DAYS", "90");
    valueWithoutRule.put(ExportProcess.newValueField(3), "80");
    assertThat(refusedField(valueWithoutRule)).startsWith("rule3: ");
    Map<String, Object> noDate = form("SHIPMENT_PERIOD_DAYS", "90");
    noDate.put(ExportProcess.EFFECTIVE_DATE, "2027-02-30");
    assertThat(refusedField(noDate)).startsWith("effectiveDate: ");
    Map<String, Object> noDirective = form("SHIPMENT_PERIOD_DAYS", "90");
    noDirective.remove(ExportProcess.DIRECTIVE);
    assertThat(refusedField(noDirective)).startsWith("directive: ");
  }

  @Test
  void aChangeTheRuleSetCannotHoldIsLeftToItsValidation() {
    RuleSet tooMany = ProposedChanges.of(form("MAX_AMENDMENT_ROUNDS", "21")::get).applyTo(GENESIS);
    assertThat(tooMany.violations()).containsExactly("maxAmendmentRounds must be 0-20");
    RuleSet outOfOrder = ProposedChanges.of(form("MIN_SCORE_G2", "95")::get).applyTo(GENESIS);
    assertThat(outOfOrder.violations()).singleElement().asString().startsWith("gradeThresholds");
    assertThatThrownBy(() -> RuleChange.named("NOPE")).isInstanceOf(IllegalArgumentException.class);
  }
}
