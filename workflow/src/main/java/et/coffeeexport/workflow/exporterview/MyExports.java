package et.coffeeexport.workflow.exporterview;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.ExportPage;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.submission.ApiProblems;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An exporter's exports a page at a time, from the ledger's index of exports by exporter (a page
 * costs the same however many exports there are): each with its status, its next deadline and the
 * documents the exporter must still provide. The ledger's bookmark travels to the client opaque
 * (base64url) and comes back checked: it must continue this exporter's own range.
 */
@Component
class MyExports {
  static final int DEFAULT_PAGE = 20;

  /** Each export's documents are one more ledger read: pages stay small. */
  static final int MAX_PAGE = 50;

  private final CoffeeExportChaincode ledger;

  MyExports(CoffeeExportChaincode ledger) {
    this.ledger = ledger;
  }

  /** One export as its exporter's list shows it. */
  @Schema(name = "ExportLine")
  record Line(
      String exportId,
      ExportStatus status,
      @Schema(description = "the status it re-enters once amended, when returned")
          ExportStatus returnedFrom,
      String contractNumber,
      String destinationCountry,
      @Schema(description = "absent when no deadline runs") NextDeadline nextDeadline,
      @Schema(description = "what the next stage needs of the exporter and is not anchored yet")
          Set<DocumentType> documentsToProvide,
      String updatedAt) {}

  /** A page; pass {@code bookmark} for the next one (empty on the last). */
  @Schema(name = "ExportList")
  record Page(List<Line> exports, String bookmark, int count) {}

  Page page(StoredIdentity exporter, String exporterId, int pageSize, String bookmark) {
    if (pageSize < 1 || pageSize > MAX_PAGE) {
      throw new ApiProblems.BadRequest("pageSize must be 1-" + MAX_PAGE);
    }
    ExportPage page =
        ledger.queryByExporter(
            exporter, exporterId, pageSize, ledgerBookmark(bookmark, exporterId));
    RuleSet rules = page.exports().isEmpty() ? null : ledger.readRuleSet(exporter);
    Instant now = Instant.now();
    List<Line> lines =
        page.exports().stream()
            // The index holds only this exporter's exports; never show another's, whatever it says.
            .filter(e -> exporterId.equals(e.exporterId()))
            .map(e -> line(exporter, e, rules, now))
            .toList();
    String next =
        page.bookmark() == null || page.bookmark().isEmpty() || lines.size() < pageSize
            ? ""
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(page.bookmark().getBytes(StandardCharsets.UTF_8));
    return new Page(lines, next, lines.size());
  }

  private Line line(StoredIdentity exporter, ExportSnapshot export, RuleSet rules, Instant now) {
    Set<DocumentType> required = DocumentsToProvide.required(export, rules);
    Set<DocumentType> missing =
        required.isEmpty()
            ? required
            : DocumentsToProvide.missing(
                required, ledger.listDocuments(exporter, export.exportId()));
    return new Line(
        export.exportId(),
        export.status(),
        export.returnedFrom(),
        export.request().contractNumber(),
        export.request().destinationCountry(),
        NextDeadline.of(export, now).orElse(null),
        missing,
        export.updatedAt());
  }

  /**
   * The ledger's bookmark a client's {@code bookmark} stands for; 400 unless it continues this
   * exporter's range (the ledger would otherwise start a page wherever it says).
   */
  static String ledgerBookmark(String bookmark, String exporterId) {
    if (bookmark == null || bookmark.isEmpty()) {
      return "";
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(bookmark), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiProblems.BadRequest("bookmark is not one this API gave");
    }
    // A key of the ledger's index by exporter: \0<index>\0<exporterId>\0<exportId>\0.
    String[] parts = decoded.split("\u0000", -1);
    if (decoded.length() > 512 || parts.length < 4 || !parts[2].equals(exporterId)) {
      throw new ApiProblems.BadRequest("bookmark is not one this API gave you");
    }
    return decoded;
  }
}
