package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.Actor;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.Role;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipping Line's tracking of a shipped export: milestones and the arrival, correlated as the
 * process's messages once the state machine allows them (the delegates then sign them on the ledger
 * as the shipping officer who reported them).
 */
@RestController
@RequestMapping("/api/shipments/{exportId}")
@Tag(name = "shipments", description = "Shipping Line's tracking of a shipped export")
class ShipmentController {
  private final ExporterExports exports;
  private final RuntimeService runtime;
  private final AsPlatform platform;

  ShipmentController(ExporterExports exports, RuntimeService runtime, AsPlatform platform) {
    this.exports = exports;
    this.runtime = runtime;
    this.platform = platform;
  }

  @Operation(summary = "Report a tracking milestone (Shipping Line's officers)")
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: the process records it on the ledger as the reporting officer")
  @PostMapping(path = "/milestones", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> milestone(
      @SubmissionController.ExportId @PathVariable String exportId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ApiSchemas.TrackingBody.class)))
          @RequestBody
          JsonNode milestone,
      JwtAuthenticationToken token) {
    report(
        exportId,
        token,
        ExportAction.RECORD_TRACKING_MILESTONE,
        ExportProcess.TRACKING_MILESTONE,
        ExportProcess.RECORD_MILESTONE,
        "milestoneJson",
        milestone);
    return ResponseEntity.accepted().build();
  }

  @Operation(summary = "Confirm the export's arrival (Shipping Line's officers)")
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: the process records it on the ledger as the reporting officer")
  @PostMapping(path = "/arrival", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> arrival(
      @SubmissionController.ExportId @PathVariable String exportId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ApiSchemas.TrackingBody.class)))
          @RequestBody
          JsonNode arrival,
      JwtAuthenticationToken token) {
    report(
        exportId,
        token,
        ExportAction.CONFIRM_ARRIVAL,
        ExportProcess.EXPORT_ARRIVED,
        ExportProcess.RECORD_ARRIVAL,
        "arrivalJson",
        arrival);
    return ResponseEntity.accepted().build();
  }

  private void report(
      String exportId,
      JwtAuthenticationToken token,
      ExportAction action,
      String message,
      String step,
      String variable,
      JsonNode body) {
    SubmissionController.checked(exportId);
    Notes.report(body);
    var officer = exports.exporter(Exporters.username(token));
    if (!et.coffeeexport.domain.Organisation.SHIPPING_LINE.networkName().equals(officer.org())
        || officer.ledgerRole() == Role.EXPORTER) {
      throw new org.springframework.security.access.AccessDeniedException(
          "tracking is reported by Shipping Line's officers");
    }
    ExportState state = exports.export(officer, exportId).state();
    if (!ExportLifecycle.decide(
            state, action, new Actor(Organisation.SHIPPING_LINE, Role.OFFICER), Integer.MAX_VALUE)
        .isAccepted()) {
      throw new ApiProblems.Conflict(
          action + " is not possible for an export that is " + state.status());
    }
    // The platform correlates (officers have no rights on process instances); the officer who
    // reported it travels with the message and signs the ledger record.
    platform.change(
        () ->
            LedgerActors.mark(
                    runtime
                        .createMessageCorrelation(message)
                        .processInstanceBusinessKey(exportId)
                        .setVariable(variable, body.toString()),
                    step,
                    officer.username())
                .correlate());
  }
}
