package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.Amendments.Field;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AmendmentsTest {
  private static final ExportRequest FILED = ExportInputTest.request(19_200, "G2");

  /** The filing with exactly one field changed. */
  private static ExportRequest changing(Field field) {
    ExportRequest r = FILED;
    return new ExportRequest(
        r.exporterId(),
        field == Field.CONTRACT_NUMBER ? "SC-2026-002" : r.contractNumber(),
        field == Field.CONTRACT_SIGNED_AT ? "2026-11-20T07:00:00Z" : r.contractSignedAt(),
        field == Field.CONTRACT_DATE ? "2026-11-19" : r.contractDate(),
        field == Field.DESTINATION ? "JP" : r.destinationCountry(),
        field == Field.QUANTITY ? r.quantityKg() + 60 : r.quantityKg(),
        field == Field.GRADE ? "G3" : r.grade(),
        field == Field.ORIGIN ? "GUJI" : r.origin(),
        field == Field.PROCESS ? "NATURAL" : r.process(),
        field == Field.INCOTERM ? "CIF" : r.incoterm());
  }

  @Test
  void everyFieldChangedAloneIsAllowedExactlyWhenTheReturningStageMayAskForIt() {
    int cells = 0;
    for (Stage stage : EnumSet.range(Stage.BANK_INTAKE, Stage.CUSTOMS)) {
      for (Field field : Field.values()) {
        boolean termsChanged = field == Field.TERMS;
        ExportRequest after = termsChanged ? FILED : changing(field);
        assertThat(Amendments.changed(FILED, after, termsChanged))
            .as("%s changed alone", field)
            .containsExactly(field);
        boolean allowed = Amendments.changeableWhenReturnedBy(stage).contains(field);
        assertThat(Amendments.violations(stage, FILED, after, termsChanged).isEmpty())
            .as("returned by %s, changing %s", stage, field)
            .isEqualTo(allowed);
        cells++;
      }
    }
    assertThat(cells).isEqualTo(5 * Field.values().length);
  }

  @Test
  void noApprovalSurvivesAChangeToWhatItApproved() {
    assertThat(Amendments.changeableWhenReturnedBy(Stage.BANK_INTAKE))
        .containsExactlyInAnyOrder(Field.TERMS, Field.QUANTITY, Field.CONTRACT_NUMBER);
    Set<Field> ecta = Amendments.changeableWhenReturnedBy(Stage.COMPLIANCE);
    assertThat(ecta)
        .as("what the bank approved stays")
        .doesNotContain(Field.TERMS, Field.QUANTITY, Field.CONTRACT_NUMBER)
        .contains(Field.CONTRACT_DATE, Field.GRADE);
    for (Stage later : EnumSet.range(Stage.QUALITY, Stage.CUSTOMS)) {
      assertThat(Amendments.changeableWhenReturnedBy(later))
          .as("after ECTA registered the contract, %s resubmits it unchanged", later)
          .isEmpty();
    }
    assertThat(Amendments.violations(Stage.QUALITY, FILED, FILED, false))
        .as("an unchanged resubmission")
        .isEmpty();
  }
}
