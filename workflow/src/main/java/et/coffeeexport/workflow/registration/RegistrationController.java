package et.coffeeexport.workflow.registration;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.domain.ApplicationDocument;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.workflow.submission.DocumentDownload;
import et.coffeeexport.workflow.submission.DocumentUpload;
import et.coffeeexport.workflow.submission.Exporters;
import et.coffeeexport.workflow.submission.IdempotencyKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An exporter's licence applications ({@code /api/registration}): its registration and the renewal
 * of its licence, their documents, and ECTA's answer. The exporter is the one the caller's account
 * names; the process ({@code ExporterRegistration}) takes it from there.
 */
@RestController
@RequestMapping("/api/registration")
@Tag(name = "registration", description = "An exporter's registration and licence renewal")
class RegistrationController {
  static final String PDF = DocumentUpload.PDF;
  static final String PNG = DocumentUpload.PNG;
  static final String JPEG = DocumentUpload.JPEG;

  private final ExporterApplications applications;

  RegistrationController(ExporterApplications applications) {
    this.applications = applications;
  }

  @Operation(
      summary = "Apply for registration as an exporter",
      description =
          "Recorded on the ledger as the exporter the caller's account names; then upload the"
              + " licence and the competence certificate, after which ECTA reviews it. The same"
              + " key and body apply once (a repeat answers 200). A refusal by the ledger (already"
              + " registered, another application open, a lapsed licence) applies nothing.")
  @ApiResponse(responseCode = "201", description = "Applied; ECTA reviews it once documented")
  @ApiResponse(responseCode = "200", description = "A repeat of an earlier request with this key")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LicenceApplication> register(
      @IdempotencyKey @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      schema =
                          @Schema(implementation = ApplicationRequests.RegistrationBody.class)))
          @RequestBody
          JsonNode body,
      JwtAuthenticationToken token) {
    return applied(
        token, key, ApplicationKind.REGISTRATION, ApplicationRequests::registration, body);
  }

  @Operation(
      summary = "Apply for the renewal of the licence",
      description =
          "For a registered exporter: the new expiry days, then the renewed documents; ECTA"
              + " reviews it as a registration. The licence in force stays until then.")
  @ApiResponse(responseCode = "201", description = "Applied; ECTA reviews it once documented")
  @ApiResponse(responseCode = "200", description = "A repeat of an earlier request with this key")
  @PostMapping(path = "/renewal", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LicenceApplication> renew(
      @IdempotencyKey @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = ApplicationRequests.RenewalBody.class)))
          @RequestBody
          JsonNode body,
      JwtAuthenticationToken token) {
    return applied(token, key, ApplicationKind.RENEWAL, ApplicationRequests::renewal, body);
  }

  @Operation(summary = "The application as the ledger holds it, with ECTA's decision and reasons")
  @ApiResponse(responseCode = "200", description = "The application")
  @GetMapping("/{applicationId}")
  LicenceApplication application(
      @ApplicationId @PathVariable String applicationId, JwtAuthenticationToken token) {
    Exporters.require(token);
    return applications.read(Exporters.username(token), checked(applicationId));
  }

  @Operation(
      summary = "Upload the licence or the competence certificate (PDF, PNG or JPEG)",
      description =
          "Stored encrypted in IPFS and anchored on the application by the exporter; a new"
              + " version never replaces an earlier one. At most"
              + " coffee-export.connectors.max-document-bytes (20 MiB).")
  @ApiResponse(responseCode = "201", description = "Anchored on the application")
  @DocumentUpload
  @PostMapping(
      path = "/{applicationId}/documents/{type}",
      consumes = {PDF, PNG, JPEG})
  ResponseEntity<ApplicationDocument> upload(
      @ApplicationId @PathVariable String applicationId,
      @DocumentKind @PathVariable String type,
      @Parameter(hidden = true) @RequestHeader("Content-Type") String contentType,
      @RequestBody byte[] content,
      JwtAuthenticationToken token) {
    Exporters.require(token);
    var anchored =
        applications.upload(
            Exporters.username(token), checked(applicationId), type, contentType, content);
    return ResponseEntity.created(
            URI.create("/api/registration/" + applicationId + "/documents/" + type))
        .body(anchored);
  }

  @Operation(summary = "Download the latest version, verified against its ledger anchor")
  @DocumentDownload
  @GetMapping("/{applicationId}/documents/{type}")
  ResponseEntity<byte[]> download(
      @ApplicationId @PathVariable String applicationId,
      @DocumentKind @PathVariable String type,
      JwtAuthenticationToken token) {
    Exporters.require(token);
    var document = applications.download(Exporters.username(token), checked(applicationId), type);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .body(document.content());
  }

  /**
   * Applies for the exporter with {@code body} as {@code check} reads it; 201, or 200 on a repeat.
   */
  private ResponseEntity<LicenceApplication> applied(
      JwtAuthenticationToken token,
      String key,
      ApplicationKind kind,
      java.util.function.Function<JsonNode, String> check,
      JsonNode body) {
    Exporters.require(token);
    var applied = applications.apply(Exporters.username(token), key, kind, check.apply(body));
    LicenceApplication application = applied.application();
    return applied.repeated()
        ? ResponseEntity.ok(application)
        : ResponseEntity.created(URI.create("/api/registration/" + application.applicationId()))
            .body(application);
  }

  private static String checked(String applicationId) {
    if (!et.coffeeexport.domain.Identifiers.isValid(applicationId)) {
      throw new et.coffeeexport.workflow.submission.ApiProblems.BadRequest(
          "applicationId must be 1-64 characters of [A-Za-z0-9._-], starting with a letter or"
              + " digit");
    }
    return applicationId;
  }

  /** The application id path parameter, as the document shows it. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @Parameter(
      description = "The application's id (LIC-…), as applying answered it",
      schema = @Schema(type = "string", pattern = ApplicationRequests.IDENTIFIER))
  @interface ApplicationId {}

  /** The document type path parameter: an application's two documents. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @Parameter(
      description = "Which document",
      schema =
          @Schema(
              type = "string",
              allowableValues = {"EXPORT_LICENCE", "COMPETENCE_CERTIFICATE"}))
  @interface DocumentKind {}
}
