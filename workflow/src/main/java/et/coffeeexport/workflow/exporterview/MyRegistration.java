package et.coffeeexport.workflow.exporterview;

import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.ApplicationStatus;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExporterProfile;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.registration.ExporterNotices;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An exporter's registration as it sees it: the licence the registry holds and the standing that
 * decides whether it may act now (as the chaincode decides it: a lapsed licence is {@code
 * LICENCE_EXPIRED}), its applications with ECTA's decisions and reasons, and the platform's notices
 * to it.
 */
@Component
class MyRegistration {
  static final String NOT_REGISTERED = "NOT_REGISTERED";

  private final UserManagementChaincode registry;
  private final ExporterNotices notices;

  MyRegistration(UserManagementChaincode registry, ExporterNotices notices) {
    this.registry = registry;
    this.notices = notices;
  }

  /** An application as its exporter follows it. */
  @Schema(name = "ApplicationSummary")
  record Application(
      String applicationId,
      ApplicationKind kind,
      ApplicationStatus status,
      String appliedAt,
      @Schema(description = "when ECTA decided; absent while it has not") String decidedAt,
      @Schema(description = "ECTA's reasons (always given with a refusal)") List<String> reasons,
      Set<DocumentType> missingDocuments) {}

  /** The exporter's own view of itself. */
  @Schema(name = "Exporter")
  record View(
      String exporterId,
      @Schema(
              description =
                  "whether it may act now: ACTIVE, SUSPENDED, BANNED, DELINQUENT, LICENCE_EXPIRED,"
                      + " or NOT_REGISTERED")
          String standing,
      @Schema(description = "the licence the registry holds; absent when not registered")
          ExporterProfile licence,
      @Schema(description = "the last day the licence lets it act (ISO date)") String validThrough,
      String registeredAt,
      @Schema(description = "why its standing last changed") List<String> lastReasons,
      @Schema(description = "newest first") List<Application> applications,
      @Schema(description = "newest first") List<ExporterNotices.Notice> notices) {}

  View of(StoredIdentity exporter, String exporterId) {
    Optional<RegisteredExporter> entry = entry(exporter, exporterId);
    List<Application> applications =
        registry.listApplications(exporter, exporterId).stream()
            .sorted(Comparator.comparing((LicenceApplication a) -> a.applied().at()).reversed())
            .map(MyRegistration::summary)
            .toList();
    return new View(
        exporterId,
        entry.map(e -> e.statusAt(Instant.now())).orElse(NOT_REGISTERED),
        entry.map(RegisteredExporter::profile).orElse(null),
        entry.map(e -> e.profile().validThrough().toString()).orElse(null),
        entry.map(RegisteredExporter::registeredAt).orElse(null),
        entry.map(RegisteredExporter::lastReasons).orElse(List.of()),
        applications,
        notices.of(exporterId));
  }

  private Optional<RegisteredExporter> entry(StoredIdentity exporter, String exporterId) {
    try {
      return Optional.of(registry.readExporter(exporter, exporterId));
    } catch (LedgerRefusal e) {
      if (e.code() == RefusalCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Application summary(LicenceApplication a) {
    return new Application(
        a.applicationId(),
        a.kind(),
        a.status(),
        a.applied().at(),
        a.decided() == null ? null : a.decided().at(),
        a.reasons(),
        a.status().isFinal() ? Set.of() : a.missingDocuments());
  }
}
