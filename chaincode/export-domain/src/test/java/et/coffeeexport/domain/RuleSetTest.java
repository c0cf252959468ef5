package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A rule set keeps its collections in one fixed order, whatever order they arrived in: every peer
 * must store the same bytes. Absent or empty collections stay as they are, for the validation to
 * name them.
 */
class RuleSetTest {

  private static RuleSet with(
      Set<String> grades, Set<PaymentMode> modes, Map<ExportAction, Set<DocumentType>> documents) {
    return new RuleSet(
        1,
        2,
        24,
        90,
        3,
        grades,
        List.of(new RuleSet.GradeThreshold("G1", 91)),
        modes,
        new BigDecimal("500000"),
        documents,
        10,
        180,
        30,
        60);
  }

  @Test
  void keepsGradesPaymentModesAndDocumentsInTheirNaturalOrder() {
    Map<ExportAction, Set<DocumentType>> documents = new LinkedHashMap<>();
    documents.put(
        ExportAction.SHIP,
        new LinkedHashSet<>(List.of(DocumentType.BILL_OF_LADING, DocumentType.PACKING_LIST)));
    documents.put(ExportAction.APPROVE_COMPLIANCE, Set.of(DocumentType.SALES_CONTRACT));
    RuleSet rules =
        with(
            new LinkedHashSet<>(List.of("G3", "G1", "G2")),
            new LinkedHashSet<>(List.of(PaymentMode.ADVANCE_PAYMENT, PaymentMode.LETTER_OF_CREDIT)),
            documents);
    assertThat(rules.exportGrades()).containsExactly("G1", "G2", "G3");
    assertThat(rules.allowedPaymentModes())
        .containsExactly(PaymentMode.LETTER_OF_CREDIT, PaymentMode.ADVANCE_PAYMENT);
    assertThat(rules.requiredDocuments().keySet())
        .containsExactly(ExportAction.APPROVE_COMPLIANCE, ExportAction.SHIP);
    assertThat(rules.documentsRequiredFor(ExportAction.SHIP))
        .containsExactly(DocumentType.PACKING_LIST, DocumentType.BILL_OF_LADING);
    assertThat(rules.documentsRequiredFor(ExportAction.APPROVE_COMPLIANCE))
        .containsExactly(DocumentType.SALES_CONTRACT);
    assertThat(rules.documentsRequiredFor(ExportAction.CLEAR_CUSTOMS))
        .as("an action the rules name no documents for")
        .isEmpty();
    assertThat(rules.violations()).isEmpty();
  }

  @Test
  void anActionListedWithNoDocumentsNeedsNone() {
    RuleSet rules =
        with(Set.of("G1"), Set.of(PaymentMode.CONSIGNMENT), Map.of(ExportAction.SHIP, Set.of()));
    assertThat(rules.documentsRequiredFor(ExportAction.SHIP)).isEmpty();
    assertThat(rules.requiredDocuments()).containsOnlyKeys(ExportAction.SHIP);
  }

  @Test
  void absentOrEmptyCollectionsAreKeptForTheValidationToName() {
    RuleSet absent = with(null, null, null);
    assertThat(absent.exportGrades()).isNull();
    assertThat(absent.allowedPaymentModes()).isNull();
    assertThat(absent.requiredDocuments()).isNull();
    assertThat(absent.violations())
        .containsExactly(
            "exportGrades must not be empty",
            "allowedPaymentModes must not be empty",
            "requiredDocuments must be present");
    RuleSet empty = with(Set.of(), Set.of(), Map.of());
    assertThat(empty.exportGrades()).isEmpty();
    assertThat(empty.allowedPaymentModes()).isEmpty();
    assertThat(empty.violations())
        .containsExactly("exportGrades must not be empty", "allowedPaymentModes must not be empty");
  }
}
