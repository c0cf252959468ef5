package et.coffeeexport.workflow.exporterview;

import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.submission.Exporters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An exporter's own view: its exports ({@code GET /api/exports}) and itself ({@code GET
 * /api/exporters/me}). Which exporter is the caller's certificate's, never a parameter.
 */
@RestController
@Tag(name = "exporter", description = "An exporter's own exports, registration and standing")
class ExporterViewController {
  private final LedgerIdentities identities;
  private final MyExports exports;
  private final MyRegistration registration;

  ExporterViewController(
      LedgerIdentities identities, MyExports exports, MyRegistration registration) {
    this.identities = identities;
    this.exports = exports;
    this.registration = registration;
  }

  @Operation(
      summary = "My exports, a page at a time",
      description =
          "Each with its status, its next deadline and the documents I must still provide for what"
              + " comes next, in the order of their ids (the ledger's index of exports by"
              + " exporter, so a page costs the same however many there are).")
  @ApiResponse(responseCode = "200", description = "A page of my exports")
  @GetMapping("/api/exports")
  MyExports.Page myExports(
      @Parameter(
              description = "How many exports a page holds",
              schema = @Schema(minimum = "1", maximum = "" + MyExports.MAX_PAGE))
          @RequestParam(defaultValue = "" + MyExports.DEFAULT_PAGE)
          int pageSize,
      @Parameter(
              description = "The bookmark the previous page answered; absent for the first page",
              schema = @Schema(maxLength = 1024))
          @RequestParam(required = false)
          String bookmark,
      JwtAuthenticationToken token) {
    StoredIdentity exporter = exporter(token);
    return exports.page(exporter, Exporters.exporterIdOf(exporter), pageSize, bookmark);
  }

  @Operation(
      summary = "My registration, standing, applications and notices",
      description =
          "The licence the registry holds and whether I may act now (a lapsed licence shows as"
              + " LICENCE_EXPIRED), my applications with ECTA's decisions and reasons, and the"
              + " platform's notices to me (a licence about to lapse).")
  @ApiResponse(responseCode = "200", description = "Myself as the ledger and the platform see me")
  @GetMapping("/api/exporters/me")
  MyRegistration.View me(JwtAuthenticationToken token) {
    StoredIdentity exporter = exporter(token);
    return registration.of(exporter, Exporters.exporterIdOf(exporter));
  }

  private StoredIdentity exporter(JwtAuthenticationToken token) {
    Exporters.require(token);
    return identities.forUsername(Exporters.username(token));
  }
}
