package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.connectors.fabric.ExportHistory;
import et.coffeeexport.domain.ExportSnapshot;
import java.net.URI;
import java.util.Map;
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
 * The exporter submission API ({@code /api/exports}); its contract is {@code /api/openapi.yaml}.
 */
@RestController
@RequestMapping("/api/exports")
class SubmissionController {
  private final Submissions submissions;
  private final ExporterExports exports;

  SubmissionController(Submissions submissions, ExporterExports exports) {
    this.submissions = submissions;
    this.exports = exports;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> file(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody JsonNode body,
      JwtAuthenticationToken token) {
    Exporters.require(token);
    var filed = submissions.file(Exporters.username(token), key, body);
    var response =
        Map.<String, Object>of("exportId", filed.exportId(), "repeated", filed.repeated());
    return filed.repeated()
        ? ResponseEntity.ok(response)
        : ResponseEntity.created(URI.create("/api/exports/" + filed.exportId())).body(response);
  }

  @GetMapping("/{exportId}")
  ExportSnapshot export(@PathVariable String exportId, JwtAuthenticationToken token) {
    return exports.export(exporter(token), exportId);
  }

  @GetMapping("/{exportId}/history")
  ExportHistory history(@PathVariable String exportId, JwtAuthenticationToken token) {
    return exports.history(exporter(token), exportId);
  }

  @PutMapping(path = "/{exportId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> amend(
      @PathVariable String exportId, @RequestBody JsonNode request, JwtAuthenticationToken token) {
    exports.amend(exporter(token), exportId, request);
    // Accepted: the ledger step runs in a job (retried, then an incident); GET the export.
    return ResponseEntity.accepted().location(URI.create("/api/exports/" + exportId)).build();
  }

  @PostMapping(path = "/{exportId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> cancel(
      @PathVariable String exportId, @RequestBody JsonNode notes, JwtAuthenticationToken token) {
    exports.cancel(exporter(token), exportId, notes);
    return ResponseEntity.accepted().location(URI.create("/api/exports/" + exportId)).build();
  }

  @PostMapping("/{exportId}/documents/{type}")
  ResponseEntity<Object> upload(
      @PathVariable String exportId,
      @PathVariable String type,
      @RequestHeader("Content-Type") String contentType,
      @RequestBody byte[] content,
      JwtAuthenticationToken token) {
    var anchored = exports.upload(signer(token), exportId, type, contentType, content);
    return ResponseEntity.created(URI.create("/api/exports/" + exportId + "/documents/" + type))
        .body(anchored);
  }

  @GetMapping("/{exportId}/documents/{type}")
  ResponseEntity<byte[]> download(
      @PathVariable String exportId, @PathVariable String type, JwtAuthenticationToken token) {
    var document = exports.download(signer(token), exportId, type);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header("X-Document-SHA256", document.anchor().sha256())
        .header("X-Document-Verified", "true")
        .body(document.content());
  }

  /** Documents: exporters for their own, officers for those their organisation issues. */
  private et.coffeeexport.identity.wallet.StoredIdentity signer(JwtAuthenticationToken token) {
    return exports.exporter(Exporters.username(token));
  }

  private et.coffeeexport.identity.wallet.StoredIdentity exporter(JwtAuthenticationToken token) {
    Exporters.require(token);
    return exports.exporter(Exporters.username(token));
  }
}
