package et.coffeeexport.workflow.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.ExporterProfile;
import et.coffeeexport.workflow.submission.ApiProblems;
import et.coffeeexport.workflow.submission.JsonBodies;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An application's body, read field by field and checked as the ledger will check it, before
 * anything is recorded or started; a refusal (400) names what is wrong. Answers what the chaincode
 * takes: {@code {"kind":"REGISTRATION","profile":{...}}} or {@code {"kind":"RENEWAL", ...dates}}.
 */
final class ApplicationRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApplicationRequests() {}

  /** What a renewal states: the new expiry days. */
  record Renewal(String licenceExpiry, String competenceCertificateExpiry) {}

  static String registration(JsonNode body) {
    ExporterProfile profile = JsonBodies.read(body, ExporterProfile.class, "registration");
    List<String> violations = profile.violations();
    if (!violations.isEmpty()) {
      throw new ApiProblems.BadRequest(String.join("; ", violations));
    }
    ObjectNode application =
        JSON.createObjectNode().put("kind", ApplicationKind.REGISTRATION.name());
    application.set("profile", JSON.valueToTree(profile));
    return application.toString();
  }

  static String renewal(JsonNode body) {
    Renewal renewal = JsonBodies.read(body, Renewal.class, "renewal");
    for (String date : List.of(renewal.licenceExpiry(), renewal.competenceCertificateExpiry())) {
      try {
        LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new ApiProblems.BadRequest(
            "licenceExpiry and competenceCertificateExpiry must be ISO-8601 dates");
      }
    }
    ObjectNode application = JSON.valueToTree(renewal);
    return application.put("kind", ApplicationKind.RENEWAL.name()).toString();
  }

  @Schema(
      name = "Registration",
      description =
          "What ECTA is asked to record of a new exporter: its licence and competence certificate"
              + " (both documents follow as uploads), its TIN and capital. The exporter is the one"
              + " the caller's account names.",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record RegistrationBody(
      @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 200) String name,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = IDENTIFIER) String licenceNumber,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              format = "date",
              description = "the last day the ECTA export licence is valid")
          String licenceExpiry,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = IDENTIFIER)
          String competenceCertificateNumber,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              format = "date",
              description = "the last day the coffee-quality competence certificate is valid")
          String competenceCertificateExpiry,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[0-9]{10}$") String tin,
      @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", description = "birr")
          long capitalEtb) {}

  @Schema(
      name = "Renewal",
      description =
          "The expiry days of the renewed licence and certificate; the licence must then reach"
              + " beyond the day it is valid through now.",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record RenewalBody(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String licenceExpiry,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "date")
          String competenceCertificateExpiry) {}

  /** The domain's identifier (Identifiers). */
  static final String IDENTIFIER = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
}
