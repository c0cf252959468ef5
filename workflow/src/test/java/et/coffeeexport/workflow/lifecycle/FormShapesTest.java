package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.testing.Consortium;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;

/**
 * The typed fields the task forms assemble into JSON, checked by the engine on completion against
 * the shapes the forms render from: a person never types JSON, and the engine never trusts the
 * form's assembly.
 */
class FormShapesTest {
  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

  @Test
  void everyShapeTheModelsNameExistsAndEveryShapeIsUsed() {
    var named = new TreeSet<String>();
    for (String resource : ExportProcess.RESOURCES) {
      if (!resource.endsWith(".bpmn")) {
        continue;
      }
      var model =
          Bpmn.readModelFromStream(
              ExportProcess.class.getClassLoader().getResourceAsStream(resource));
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (CamundaFormField field : FormFields.declared(task)) {
          if (field.getCamundaProperties() == null) {
            continue;
          }
          field.getCamundaProperties().getCamundaProperties().stream()
              .filter(
                  p -> p.getCamundaId().equals("shape") || p.getCamundaId().startsWith("shape."))
              .forEach(p -> named.add(p.getCamundaValue()));
        }
      }
    }
    assertThat(FormShapes.names()).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void ecxLaboratoryResultsAreScoresWithinTheirRanges() {
    var record = field("processes/stage-review.bpmn", "Review", "decisionJson");
    check(record, Consortium.QUALITY, "stage", "QUALITY", "decision", "APPROVE");
    assertThatThrownBy(() -> check(record, null, "stage", "QUALITY", "decision", "APPROVE"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decisionJson is required when decision is APPROVE");
    check(record, null, "stage", "QUALITY", "decision", "RETURN");
    assertRefused(
        record,
        Consortium.QUALITY.replace("\"cupScore\":52", "\"cupScore\":61"),
        "decisionJson.cupScore must be at most 60 points of 60");
    assertRefused(
        record,
        Consortium.QUALITY.replace("\"physicalScore\":35", "\"physicalScore\":35.5"),
        "decisionJson.physicalScore must be a whole number");
    assertRefused(
        record,
        Consortium.QUALITY.replace("10.5", "10.555"),
        "decisionJson.moisturePercent has more than 2 decimals");
    assertRefused(
        record,
        Consortium.QUALITY.replace("\"screenSize\":15", "\"screenSize\":\"15\""),
        "decisionJson.screenSize must be a number");
    assertRefused(
        record,
        Consortium.QUALITY.replace(",\"defectsPer300g\":4", ""),
        "decisionJson.defectsPer300g is required");
    assertRefused(
        record,
        Consortium.QUALITY.replace("}", ",\"grade\":\"G1\"}"),
        "decisionJson.grade is not a member of the laboratory results");
    assertRefused(
        record,
        Consortium.QUALITY.replace("LOT-77", "LOT 77; DROP"),
        "decisionJson.lotReference is not well formed");
  }

  @Test
  void aCustomsDeclarationNamesThePermitAndTheDeclaration() {
    var record = field("processes/stage-review.bpmn", "Review", "decisionJson");
    check(
        record,
        "{\"permitNumber\":\"NBE-EP-7\",\"declarationNumber\":\"DEC-1\"}",
        "stage",
        "CUSTOMS",
        "decision",
        "APPROVE");
    assertThatThrownBy(
            () ->
                check(
                    record,
                    "{\"permitNumber\":\"NBE-EP-7\"}",
                    "stage",
                    "CUSTOMS",
                    "decision",
                    "APPROVE"))
        .hasMessageContaining("decisionJson.declarationNumber is required");
    assertThatThrownBy(
            () -> check(record, Consortium.QUALITY, "stage", "CUSTOMS", "decision", "APPROVE"))
        .hasMessageContaining("is not a member of the export declaration");
  }

  @Test
  void reasonsAreRequiredToReturnOrRejectAndFitTheLedgersLimits() {
    var reasons = field("processes/stage-review.bpmn", "Review", "reasons");
    check(reasons, null, "decision", "APPROVE");
    assertThatThrownBy(() -> check(reasons, " ", "decision", "RETURN"))
        .hasMessageContaining("reasons is required when decision is RETURN or REJECT");
    check(reasons, "contract date unclear\n\nprice missing", "decision", "REJECT");
    assertThatThrownBy(() -> check(reasons, "x\n".repeat(21), "decision", "RETURN"))
        .hasMessageContaining("reasons has more than 20 lines");
    assertThatThrownBy(() -> check(reasons, "ok\n" + "y".repeat(501), "decision", "RETURN"))
        .hasMessageContaining("reasons line 2 is longer than 500 characters");
  }

  @Test
  void aBookingListsDistinctIsoContainerNumbers() {
    var booking = field("processes/export-lifecycle.bpmn", "BookShipment", "bookingJson");
    String good =
        "{\"bookingNumber\":\"BK-1\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU7654321\"]}";
    check(booking, good);
    assertThatThrownBy(() -> check(booking, good.replace("MSCU7654321", "MSC-765")))
        .hasMessageContaining("bookingJson.containers[1] is not well formed (ISO 6346");
    assertThatThrownBy(
            () ->
                check(booking, good.replace("\"MSCU7654321\"", "\"MSCU7654321\",\"MSCU7654321\"")))
        .hasMessageContaining("bookingJson.containers[2] repeats MSCU7654321");
    assertThatThrownBy(() -> check(booking, good.replace("\"MSCU7654321\"", "")))
        .hasMessageContaining("bookingJson.containers must list 1-200");
    assertThatThrownBy(() -> check(booking, good.replace(",\"vessel\":\"MSC Addis\"", "")))
        .hasMessageContaining("bookingJson.vessel is required");
  }

  @Test
  void aBillOfLadingIsDatedNoLaterThanToday() {
    var bl = field("processes/export-lifecycle.bpmn", "Ship", "billOfLadingJson");
    check(bl, "{\"billOfLadingNumber\":\"BL-1\",\"billOfLadingDate\":\"" + TODAY + "\"}");
    String nextWeek = LocalDate.parse(TODAY).plusDays(7).toString();
    assertThatThrownBy(
            () ->
                check(
                    bl,
                    "{\"billOfLadingNumber\":\"BL-1\",\"billOfLadingDate\":\"" + nextWeek + "\"}"))
        .hasMessageContaining("billOfLadingJson.billOfLadingDate lies in the future");
    assertThatThrownBy(
            () ->
                check(bl, "{\"billOfLadingNumber\":\"BL-1\",\"billOfLadingDate\":\"02/12/2026\"}"))
        .hasMessageContaining("billOfLadingJson.billOfLadingDate must be a date (YYYY-MM-DD)");
  }

  @Test
  void repatriatedProceedsArePositiveDollarsAndCents() {
    var proceeds =
        field("processes/export-lifecycle.bpmn", "RecordRepatriation", "repatriationJson");
    String good =
        "{\"amountUsd\":146034.20,\"reference\":\"SWIFT-1\",\"receivedOn\":\"" + TODAY + "\"}";
    check(proceeds, good);
    assertThatThrownBy(() -> check(proceeds, good.replace("146034.20", "146034.205")))
        .hasMessageContaining("repatriationJson.amountUsd has more than 2 decimals");
    assertThatThrownBy(() -> check(proceeds, good.replace("146034.20", "0")))
        .hasMessageContaining("repatriationJson.amountUsd must be more than 0 USD");
  }

  @Test
  void proposedPricesAreDistinctRowsOfKnownGradesAndPositivePrices() {
    var floors = field("processes/price-floors.bpmn", "ProposePriceFloors", "floorsJson");
    String row =
        "{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3.2}";
    check(floors, "[" + row + "]");
    assertThatThrownBy(() -> check(floors, "[]"))
        .hasMessageContaining("floorsJson must list 1-100");
    assertThatThrownBy(() -> check(floors, "[" + row + "," + row + "]"))
        .hasMessageContaining("floorsJson[2] repeats G2/SIDAMA/WASHED");
    assertThatThrownBy(() -> check(floors, "[" + row.replace("G2", "G10") + "]"))
        .hasMessageContaining("floorsJson[1].grade must be one of [G1");
    assertThatThrownBy(() -> check(floors, "[" + row.replace("SIDAMA", "Sidama") + "]"))
        .hasMessageContaining("floorsJson[1].origin is not well formed");
    assertThatThrownBy(() -> check(floors, "[" + row.replace("3.2", "-1") + "]"))
        .hasMessageContaining("floorsJson[1].minPricePerLbUsd must be more than 0 USD/lb");
  }

  @Test
  void aNewShipmentDateIsRequiredOnlyToExtend() {
    var date =
        field("processes/export-lifecycle.bpmn", "DecideOnOverdueShipment", "newShipmentDate");
    check(date, null, "decision", "CANCEL");
    assertThatThrownBy(() -> check(date, null, "decision", "EXTEND"))
        .hasMessageContaining("newShipmentDate is required when decision is EXTEND");
  }

  @Test
  void theFormIsDescribedWithTheShapeOfItsStage() {
    UserTask review = task("processes/stage-review.bpmn", "Review");
    var quality = FormFields.describe(review, Map.<String, Object>of("stage", "QUALITY")::get);
    assertThat(ids(quality)).containsExactly("decision", "reasons", "decisionJson");
    var record = quality.get(2);
    assertThat(record.path("shape").path("label").asText()).isEqualTo("Laboratory results");
    assertThat(record.path("requiredWhen").asText()).isEqualTo("decision=APPROVE");
    var bank = FormFields.describe(review, Map.<String, Object>of("stage", "BANK_INTAKE")::get);
    assertThat(ids(bank)).containsExactly("decision", "reasons");
    assertThat(ids(bank.get(0).path("values"))).containsExactly("APPROVE", "RETURN", "REJECT");
  }

  @Test
  void aCoSignerSeesTheProposalsReasonsAndARevisionStartsFromThem() {
    Map<String, Object> variables =
        Map.of("reasons", "licence forged\nrepeat offence", "decision", "SEND_BACK");
    var cosign =
        FormFields.describe(
            task("processes/exporter-standing.bpmn", "CosignStandingChange"), variables::get);
    assertThat(cosign.get(0).path("id").asText()).isEqualTo("decision");
    // The decision is never preset, even when the variable exists from an earlier round.
    assertThat(cosign.get(0).has("value")).isFalse();
    assertThat(cosign.get(1).path("readOnly").asBoolean()).isTrue();
    assertThat(cosign.get(1).path("value").asText()).isEqualTo("licence forged\nrepeat offence");
    assertThat(cosign.get(3).path("readOnly").asBoolean()).isFalse();
    var revise =
        FormFields.describe(
            task("processes/exporter-standing.bpmn", "ReviseStandingChange"), variables::get);
    assertThat(revise.get(0).has("value")).isFalse();
    assertThat(revise.get(1).path("readOnly").asBoolean()).isFalse();
    assertThat(revise.get(1).path("value").asText()).startsWith("licence forged");
  }

  private static java.util.List<String> ids(com.fasterxml.jackson.databind.JsonNode array) {
    var ids = new java.util.ArrayList<String>();
    array.forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }

  private static void assertRefused(CamundaFormField record, String value, String message) {
    assertThatThrownBy(() -> check(record, value, "stage", "QUALITY", "decision", "APPROVE"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(message);
  }

  private static void check(CamundaFormField field, String value, String... variables) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      vars.put(variables[i], variables[i + 1]);
    }
    FormInputs.check(field, value, vars::get);
  }

  private static CamundaFormField field(String resource, String task, String id) {
    return FormFields.declared(task(resource, task)).stream()
        .filter(f -> f.getCamundaId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static UserTask task(String resource, String id) {
    return Bpmn.readModelFromStream(
            ExportProcess.class.getClassLoader().getResourceAsStream(resource))
        .getModelElementById(id);
  }
}
