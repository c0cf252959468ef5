package et.coffeeexport.workflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.Registration.LicenceNotice;
import et.coffeeexport.workflow.submission.ApiProblems;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;

/**
 * What the registration checks before the ledger does: an application's body, ECTA's review form (a
 * decision with no default, reasons to refuse), and the dates and words of the licence's watch.
 */
class RegistrationRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROFILE =
      "{\"name\":\"Guji Highlands plc\",\"licenceNumber\":\"ECTA-LIC-7\","
          + "\"licenceExpiry\":\"2027-11-30\",\"competenceCertificateNumber\":\"CC-7\","
          + "\"competenceCertificateExpiry\":\"2027-12-31\",\"tin\":\"0012345678\",\"capitalEtb\":1500000}";

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aRegistrationCarriesTheWholeProfileAndNothingElse() throws Exception {
    JsonNode sent = json(ApplicationRequests.registration(json(PROFILE)));
    assertThat(sent.path("kind").asText()).isEqualTo("REGISTRATION");
    assertThat(sent.path("profile")).isEqualTo(json(PROFILE));
    assertThatThrownBy(() -> ApplicationRequests.registration(json("{\"name\":\"x\"}")))
        .isInstanceOf(ApiProblems.BadRequest.class)
        .hasMessageContaining("registration.licenceNumber");
    assertThatThrownBy(
            () ->
                ApplicationRequests.registration(
                    json(PROFILE.replace("}", ",\"exporterId\":\"EXPORTER-X\"}"))))
        .as("the exporter is the caller's, never the body's")
        .hasMessageContaining("registration.exporterId is not a field");
    assertThatThrownBy(
            () -> ApplicationRequests.registration(json(PROFILE.replace("0012345678", "123"))))
        .hasMessage("tin must be 10 digits");
  }

  @Test
  void aRenewalCarriesTheTwoNewExpiryDays() throws Exception {
    JsonNode sent =
        json(
            ApplicationRequests.renewal(
                json(
                    "{\"licenceExpiry\":\"2028-11-30\",\"competenceCertificateExpiry\":\"2028-12-31\"}")));
    assertThat(sent.path("kind").asText()).isEqualTo("RENEWAL");
    assertThat(sent.path("licenceExpiry").asText()).isEqualTo("2028-11-30");
    assertThatThrownBy(
            () ->
                ApplicationRequests.renewal(
                    json(
                        "{\"licenceExpiry\":\"30/11/2028\",\"competenceCertificateExpiry\":\"2028-12-31\"}")))
        .isInstanceOf(ApiProblems.BadRequest.class);
    assertThatThrownBy(() -> ApplicationRequests.renewal(json(PROFILE)))
        .hasMessageContaining("is not a field of renewal");
  }

  @Test
  void ectasReviewDecidesRegisterOrRefuseWithNoDefaultAndReasonsToRefuse() {
    var model =
        Bpmn.readModelFromStream(
            ExportProcess.class
                .getClassLoader()
                .getResourceAsStream("processes/exporter-registration.bpmn"));
    UserTask review = model.getModelElementById(ExportProcess.Registration.REVIEW);
    assertThat(review.getCamundaCandidateGroups()).isEqualTo("ecta");
    Map<String, CamundaFormField> fields =
        review
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaFormData.class)
            .singleResult()
            .getCamundaFormFields()
            .stream()
            .collect(java.util.stream.Collectors.toMap(CamundaFormField::getCamundaId, f -> f));
    assertThat(fields).containsOnlyKeys("decision", "reasons");
    CamundaFormField decision = fields.get("decision");
    assertThat(decision.getCamundaDefaultValue()).as("no default").isNull();
    assertThat(decision.getCamundaValues())
        .extracting(v -> v.getCamundaId())
        .containsExactly("REGISTER", "REFUSE");

    var listener = new RefusalNeedsReasons();
    assertThatThrownBy(() -> listener.notify(task(Map.of("decision", "REFUSE"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("reasons is required to refuse");
    assertThatThrownBy(() -> listener.notify(task(Map.of("decision", "REFUSE", "reasons", " "))))
        .isInstanceOf(FormFieldValidationException.class);
    listener.notify(task(Map.of("decision", "REFUSE", "reasons", "capital not evidenced")));
    listener.notify(task(Map.of("decision", "REGISTER")));
  }

  @Test
  void theWatchRemindsThirtyDaysBeforeAndTheLicenceLapsesTheDayAfterItsLastDay() {
    LocalDate validThrough = LocalDate.parse("2027-11-30");
    assertThat(LicenceDates.reminderAt(validThrough)).isEqualTo("2027-10-31T00:00:00Z");
    assertThat(LicenceDates.lapsesAt(validThrough)).isEqualTo("2027-12-01T00:00:00Z");
    assertThat(LicenceDates.validThrough(LicenceDates.lapsesAt(validThrough)))
        .isEqualTo(validThrough);
    assertThat(LicenceWatch.message(LicenceNotice.REMINDER, validThrough))
        .contains("valid through 2027-11-30", "from 2027-12-01", "/api/registration/renewal");
    assertThat(LicenceWatch.message(LicenceNotice.EXPIRED, validThrough))
        .contains("lapsed after 2027-11-30");
  }

  /** A completed task's variables, as a task listener reads them. */
  private static DelegateTask task(Map<String, Object> variables) {
    return (DelegateTask)
        Proxy.newProxyInstance(
            DelegateTask.class.getClassLoader(),
            new Class<?>[] {DelegateTask.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getVariable")) {
                return variables.get((String) args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
