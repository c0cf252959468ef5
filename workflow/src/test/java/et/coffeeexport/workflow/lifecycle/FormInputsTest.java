package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.bpmn.ExportProcess;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/** The declared inputs of the real models, and how a completion's values are checked. */
class FormInputsTest {

  private static BpmnModelInstance model(String resource) {
    return Bpmn.readModelFromStream(
        ExportProcess.class.getClassLoader().getResourceAsStream(resource));
  }

  /** Checks {@code value} with the task's other variables given as name, value pairs. */
  private static void check(CamundaFormField field, String value, String... variables) {
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      vars.put(variables[i], variables[i + 1]);
    }
    FormInputs.check(field, value, vars::get);
  }

  private static Map<String, CamundaFormField> fieldsOf(String resource, String task) {
    UserTask t = model(resource).getModelElementById(task);
    return FormInputs.declaredFields(t).stream()
        .collect(Collectors.toMap(CamundaFormField::getCamundaId, f -> f));
  }

  @Test
  void everyUserTaskDeclaresItsInputs() {
    for (String resource : ExportProcess.RESOURCES) {
      if (!resource.endsWith(".bpmn")) {
        continue;
      }
      for (UserTask task : model(resource).getModelElementsByType(UserTask.class)) {
        assertThat(FormInputs.declaredFields(task))
            .as("form fields of %s", task.getId())
            .isNotEmpty();
      }
    }
  }

  @Test
  void noCalledReviewReceivesEveryVariable() {
    for (CallActivity call :
        model("processes/export-lifecycle.bpmn").getModelElementsByType(CallActivity.class)) {
      var ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
      assertThat(ins).as("inputs of %s", call.getId()).isNotEmpty();
      assertThat(ins)
          .as("%s passes variables=\"all\"", call.getId())
          .noneMatch(in -> "all".equals(in.getCamundaVariables()));
      assertThat(ins.stream().map(CamundaIn::getCamundaSource))
          .as("%s passes private terms", call.getId())
          .doesNotContain("valueUsd", "paymentMode", "termsJson");
    }
  }

  @Test
  void aReviewDecisionIsOneOfTheThreeAndRequired() {
    var decision = fieldsOf("processes/stage-review.bpmn", "Review").get("decision");
    FormInputs.check(decision, "APPROVE");
    assertThatThrownBy(() -> FormInputs.check(decision, "APPROVE_WITHOUT_LEDGER"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decision must be one of [APPROVE, RETURN, REJECT]");
    assertThatThrownBy(() -> FormInputs.check(decision, null))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decision is required");
    assertThatThrownBy(() -> FormInputs.check(decision, 42L))
        .isInstanceOf(FormFieldValidationException.class);
  }

  @Test
  void aStageRecordIsTakenOnlyWhereTheStageHasOneAndIsBounded() {
    var record = fieldsOf("processes/stage-review.bpmn", "Review").get("decisionJson");
    FormInputs.check(record, null);
    assertThatThrownBy(() -> check(record, "{}", "stage", "BANK_INTAKE", "decision", "APPROVE"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decisionJson is not taken here");
    check(record, null, "stage", "BANK_INTAKE", "decision", "APPROVE");
    assertThatThrownBy(() -> check(record, "[1,2]", "stage", "QUALITY"))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> check(record, "{not json", "stage", "QUALITY"))
        .hasMessageContaining("is not JSON");
    assertThatThrownBy(
            () -> check(record, "{\"a\":\"" + "x".repeat(20_000) + "\"}", "stage", "QUALITY"))
        .hasMessageContaining("longer than 16384");
  }

  @Test
  void ectasOverdueDecisionIsExtendOrCancelWithADateAndReasons() {
    var fields = fieldsOf("processes/export-lifecycle.bpmn", "DecideOnOverdueShipment");
    assertThat(fields).containsOnlyKeys("decision", "newShipmentDate", "reasons");
    FormInputs.check(fields.get("decision"), "EXTEND");
    FormInputs.check(fields.get("decision"), "CANCEL");
    assertThatThrownBy(() -> FormInputs.check(fields.get("decision"), "IGNORE"))
        .hasMessageContaining("decision must be one of [EXTEND, CANCEL]");
    assertThatThrownBy(() -> FormInputs.check(fields.get("decision"), null))
        .hasMessageContaining("decision is required");
    assertThatThrownBy(() -> FormInputs.check(fields.get("reasons"), " "))
        .hasMessageContaining("reasons is required");
    var date = fields.get("newShipmentDate");
    FormInputs.check(date, "2027-03-01");
    FormInputs.check(date, null);
    for (String notADate : new String[] {"01/03/2027", "2027-02-30", "2027-3-1", "2027/03/01"}) {
      assertThatThrownBy(() -> FormInputs.check(date, notADate))
          .as(notADate)
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessageContaining("newShipmentDate must be a date (YYYY-MM-DD)");
    }
  }

  @Test
  void anAmendmentCarriesItsRequest() {
    var request = fieldsOf("processes/export-lifecycle.bpmn", "AmendForBank").get("requestJson");
    assertThatThrownBy(() -> FormInputs.check(request, " "))
        .hasMessageContaining("requestJson is required");
    assertThat(fieldsOf("processes/export-lifecycle.bpmn", "AmendForBank"))
        .as("an exporter's amendment sets only its request")
        .containsOnlyKeys("requestJson");
  }

  @Test
  void theProposedPricesAreARequiredBoundedJsonArray() {
    var floors = fieldsOf("processes/price-floors.bpmn", "ProposePriceFloors").get("floorsJson");
    FormInputs.check(
        floors,
        "[{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3}]");
    assertThatThrownBy(() -> FormInputs.check(floors, null))
        .hasMessageContaining("floorsJson is required");
    assertThatThrownBy(() -> FormInputs.check(floors, "{\"grade\":\"G2\"}"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("must be a JSON array");
    assertThatThrownBy(() -> FormInputs.check(floors, "[" + "1,".repeat(9_000) + "1]"))
        .hasMessageContaining("longer than 16384");
    assertThat(fieldsOf("processes/price-floors.bpmn", "ProposePriceFloors"))
        .as("the officer sets only the prices; the day is the process's")
        .containsOnlyKeys("floorsJson");
  }

  @Test
  void nationalBankCoSignsOrSendsBackAndNothingElse() {
    var fields = fieldsOf("processes/price-floors.bpmn", "CosignPriceFloors");
    assertThat(fields).containsOnlyKeys("decision", "reasons");
    FormInputs.check(fields.get("decision"), "SEND_BACK");
    assertThatThrownBy(() -> FormInputs.check(fields.get("decision"), "APPROVE"))
        .hasMessageContaining("decision must be one of [COSIGN, SEND_BACK]");
  }
}
