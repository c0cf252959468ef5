package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.connectors.fabric.ExportHistory;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exporter submission API ({@code /api/exports}); its contract, generated from here, is {@code
 * /api/openapi.yaml}.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "exports", description = "An exporter's export requests")
class SubmissionController {
  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";

  private final Submissions submissions;
  private final ExporterExports exports;

  SubmissionController(Submissions submissions, ExporterExports exports) {
    this.submissions = submissions;
    this.exports = exports;
  }

  @Operation(
      summary = "File an export request",
      description =
          "Filed on the ledger as the exporter; the process starts. The same key and body name"
              + " the same export: a repeat answers it again (200). A refused request (400, 403,"
              + " 409 from the ledger, 422) files nothing and leaves its key free for another"
              + " request.")
  @ApiResponse(responseCode = "201", description = "Filed on the ledger; the process started")
  @ApiResponse(responseCode = "200", description = "A repeat of an earlier request with this key")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Submissions.Filed> file(
      @IdempotencyKey @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ApiSchemas.FilingBody.class)))
          @RequestBody
          JsonNode body,
      JwtAuthenticationToken token) {
    Exporters.require(token);
    var filed = submissions.file(Exporters.username(token), key, body);
    return filed.repeated()
        ? ResponseEntity.ok(filed)
        : ResponseEntity.created(URI.create("/api/exports/" + filed.exportId())).body(filed);
  }

  @Operation(summary = "The export as the ledger holds it")
  @ApiResponse(responseCode = "200", description = "The export record")
  @GetMapping("/{exportId}")
  ExportSnapshot export(@ExportId @PathVariable String exportId, JwtAuthenticationToken token) {
    return exports.export(exporter(token), checked(exportId));
  }

  @Operation(summary = "Every version of the export and its decision trail (who signed each stage)")
  @ApiResponse(responseCode = "200", description = "The history, from the ledger")
  @GetMapping("/{exportId}/history")
  ExportHistory history(@ExportId @PathVariable String exportId, JwtAuthenticationToken token) {
    return exports.history(exporter(token), checked(exportId));
  }

  @Operation(
      summary = "Amend an export returned for amendment",
      description = "Re-enters the stage that returned it; the ledger records it shortly.")
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: the process records the amendment on the ledger (GET the export)")
  @PutMapping(path = "/{exportId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> amend(
      @ExportId @PathVariable String exportId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = ApiSchemas.ExportRequestBody.class)))
          @RequestBody
          JsonNode request,
      JwtAuthenticationToken token) {
    var exporter = exporter(token);
    // Checked now, as a filing's request is: the process's job would only fail on it later.
    Filing.request(request);
    exports.amend(exporter, checked(exportId), request);
    // Accepted: the ledger step runs in a job (retried, then an incident); GET the export.
    return ResponseEntity.accepted().location(URI.create("/api/exports/" + exportId)).build();
  }

  @Operation(summary = "Cancel the export (before customs clearance)")
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: the process records the cancellation on the ledger")
  @PostMapping(path = "/{exportId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> cancel(
      @ExportId @PathVariable String exportId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = ApiSchemas.CancellationBody.class)))
          @RequestBody
          JsonNode notes,
      JwtAuthenticationToken token) {
    exports.cancel(exporter(token), checked(exportId), Notes.cancellation(notes));
    return ResponseEntity.accepted().location(URI.create("/api/exports/" + exportId)).build();
  }

  @Operation(
      summary = "Upload a document (PDF, PNG or JPEG)",
      description =
          "Stored encrypted in IPFS and anchored on the ledger by the uploader: the exporter for"
              + " their own documents, an officer for those their organisation issues. The body is"
              + " the document itself, at most coffee-export.connectors.max-document-bytes (20"
              + " MiB); a larger one is answered 413 before it is read.")
  @ApiResponse(responseCode = "201", description = "Anchored on the ledger")
  @DocumentUpload
  @PostMapping(
      path = "/{exportId}/documents/{type}",
      consumes = {PDF, PNG, JPEG})
  ResponseEntity<DocumentStore.AnchoredDocument> upload(
      @ExportId @PathVariable String exportId,
      @Parameter(schema = @Schema(implementation = DocumentType.class)) @PathVariable String type,
      @Parameter(hidden = true) @RequestHeader("Content-Type") String contentType,
      @RequestBody byte[] content,
      JwtAuthenticationToken token) {
    var anchored =
        exports.upload(signer(token), checked(exportId), documentType(type), contentType, content);
    return ResponseEntity.created(URI.create("/api/exports/" + exportId + "/documents/" + type))
        .body(anchored);
  }

  @Operation(summary = "Download the latest version, verified against its ledger anchor")
  @ApiResponse(
      responseCode = "200",
      description = "The document",
      headers = {
        @Header(name = "X-Document-SHA256", description = "the SHA-256 the ledger anchored"),
        @Header(name = "X-Document-Verified", description = "true: the content matches it")
      },
      content = {
        @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = PNG, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = JPEG, schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(
      responseCode = "409",
      description = "What is stored does not match the ledger (tampered)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @GetMapping("/{exportId}/documents/{type}")
  ResponseEntity<byte[]> download(
      @ExportId @PathVariable String exportId,
      @Parameter(schema = @Schema(implementation = DocumentType.class)) @PathVariable String type,
      JwtAuthenticationToken token) {
    var document = exports.download(signer(token), checked(exportId), documentType(type));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header("X-Document-SHA256", document.anchor().sha256())
        .header("X-Document-Verified", "true")
        .body(document.content());
  }

  /** An export id in the ledger's identifier alphabet; anything else never reaches the ledger. */
  static String checked(String exportId) {
    if (!Identifiers.isValid(exportId)) {
      throw new ApiProblems.BadRequest(
          "exportId must be 1-64 characters of [A-Za-z0-9._-], starting with a letter or digit");
    }
    return exportId;
  }

  private static String documentType(String type) {
    try {
      return DocumentType.valueOf(type).name();
    } catch (IllegalArgumentException e) {
      throw new ApiProblems.BadRequest("type must be a document type, such as SALES_CONTRACT");
    }
  }

  /** Documents: exporters for their own, officers for those their organisation issues. */
  private et.coffeeexport.identity.wallet.StoredIdentity signer(JwtAuthenticationToken token) {
    return exports.exporter(Exporters.username(token));
  }

  private et.coffeeexport.identity.wallet.StoredIdentity exporter(JwtAuthenticationToken token) {
    Exporters.require(token);
    return exports.exporter(Exporters.username(token));
  }

  /** The export id path parameter, as the document shows it. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @Parameter(
      description = "The export's id (EXP-… for filings made through this API)",
      schema = @Schema(type = "string", pattern = ApiSchemas.IDENTIFIER))
  @interface ExportId {}
}
