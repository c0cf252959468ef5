package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ApplicationDecision;
import et.coffeeexport.domain.ApplicationDocument;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.ApplicationStatus;
import et.coffeeexport.domain.Deadlines;
import et.coffeeexport.domain.DocumentStatement;
import et.coffeeexport.domain.ExporterProfile;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.domain.LicenceApplications;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.domain.RegistryAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Exporters' licence applications (DOMAIN.md, "Participants": ECTA registers): an exporter applies
 * for its registration or the renewal of its licence and anchors the licence and the competence
 * certificate on the application; an ECTA officer registers it, renews it or refuses it with
 * reasons. ECTA decides on what the ledger holds, never on what a caller restates. Each decision is
 * signed by the officer who took it; a decision taken again by the same officer (a retried workflow
 * step) answers what it recorded and writes nothing.
 */
@Contract(
    name = "LicenceApplicationContract",
    info = @Info(title = "Exporters' licence applications", version = "1.0.0"))
public final class LicenceApplicationContract implements ContractInterface {

  /**
   * The exporter named by the caller's certificate applies.
   *
   * @param applicationJson {@code {"kind":"REGISTRATION","profile":{...}}} or {@code
   *     {"kind":"RENEWAL","licenceExpiry":"...","competenceCertificateExpiry":"..."}}
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String applyForLicence(Context ctx, String applicationId, String applicationJson) {
    ApplicationStore applications = ApplicationStore.of(ctx);
    ParticipantStore r = applications.registry;
    String exporterId = applications.applicant(applicationId, "apply for its licence");
    var request =
        CanonicalJson.parse(applicationJson, ApplicationStore.Request.class, "application");
    if (request.kind() == null) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "kind must be REGISTRATION or RENEWAL");
    }
    accepted(
        LicenceApplications.decide(null, request.kind(), RegistryAction.APPLY, r.caller.actor()));
    if (r.exists(applications.key(exporterId, applicationId))) {
      LicenceApplication earlier = applications.read(exporterId, applicationId);
      if (sameRequest(earlier, request)
          && earlier.applied().certificateId().equals(r.caller.certificateId())) {
        return ParticipantStore.json(earlier); // the same application sent again
      }
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS,
          "application " + applicationId + " exists with other content");
    }
    ExporterProfile profile = requested(r, exporterId, request);
    applications.applicationsOf(exporterId).stream()
        .filter(a -> a.status() == ApplicationStatus.SUBMITTED)
        .findFirst()
        .ifPresent(
            open -> {
              throw ContractError.of(
                  RefusalCode.PRECONDITION_FAILED,
                  "application " + open.applicationId() + " awaits ECTA's decision");
            });
    var application =
        new LicenceApplication(
            applicationId,
            exporterId,
            request.kind(),
            ApplicationStatus.SUBMITTED,
            profile,
            List.of(),
            r.signature(),
            null,
            List.of());
    return announce(
        r,
        RegistryAction.APPLY.event(),
        applications.write(application, ApplicationStore.WHILE_SUBMITTED));
  }

  /**
   * The applicant anchors a new version of one of its application's documents ({@code
   * EXPORT_LICENCE}, {@code COMPETENCE_CERTIFICATE}) while ECTA has not decided.
   *
   * @param anchorJson {@code {"type","cid","sha256","sizeBytes"}}, the hash being of the plaintext
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String anchorApplicationDocument(Context ctx, String applicationId, String anchorJson) {
    ApplicationStore applications = ApplicationStore.of(ctx);
    ParticipantStore r = applications.registry;
    String exporterId = applications.applicant(applicationId, "anchor its application's documents");
    DocumentStatement statement =
        CanonicalJson.parse(anchorJson, DocumentStatement.class, "anchor");
    List<String> violations = statement.violations();
    if (!violations.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
    if (!statement.type().ofLicenceApplications()) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "an application carries " + LicenceApplications.REQUIRED_DOCUMENTS + " only");
    }
    LicenceApplication application = applications.read(exporterId, applicationId);
    if (application.status().isFinal()) {
      throw ContractError.of(
          RefusalCode.ILLEGAL_TRANSITION,
          "application " + applicationId + " is " + application.status());
    }
    var document =
        new ApplicationDocument(
            statement.type(),
            application.nextVersion(statement.type()),
            statement.cid(),
            statement.sha256(),
            statement.sizeBytes(),
            r.stub.getTxId(),
            r.now());
    applications.write(application.withDocument(document), null);
    return announce(r, "ApplicationDocumentAnchored", CanonicalJson.toBytes(document));
  }

  /**
   * An ECTA officer registers the applicant with the profile it applied with: the exporter enters
   * the registry {@code ACTIVE}. Needs both documents anchored, a licence still valid now, and no
   * entry of that exporter yet. Answers the exporter's entry.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String grantRegistration(Context ctx, String exporterId, String applicationId) {
    Decider d = new Decider(ctx, exporterId, applicationId, RegistryAction.REGISTER);
    if (!d.grantable()) {
      return ParticipantStore.json(d.registry.exporter(exporterId)); // granted already, as asked
    }
    if (d.registry.exists(d.registry.exporterKey(exporterId))) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS, "exporter " + exporterId + " is already registered");
    }
    RegisteredExporter exporter = d.registry.newExporter(exporterId, d.application.profile());
    d.record(ApplicationStatus.REGISTERED, List.of());
    return announce(
        d.registry, RegistryAction.REGISTER.event(), d.registry.writeExporter(exporter));
  }

  /**
   * An ECTA officer renews a registered exporter's licence to the expiry days it applied with,
   * which must lie beyond the ones in force. The standing stays as it is (a suspension is not
   * lifted by a renewal). Answers the exporter's entry.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String renewLicence(Context ctx, String exporterId, String applicationId) {
    Decider d = new Decider(ctx, exporterId, applicationId, RegistryAction.RENEW);
    if (!d.grantable()) {
      return ParticipantStore.json(d.registry.exporter(exporterId)); // granted already, as asked
    }
    RegisteredExporter exporter = d.registry.exporter(exporterId);
    ExporterProfile renewed =
        exporter
            .profile()
            .renewed(
                d.application.profile().licenceExpiry(),
                d.application.profile().competenceCertificateExpiry());
    if (!renewed.validThrough().isAfter(exporter.profile().validThrough())) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED,
          "the licence is already valid through " + exporter.profile().validThrough());
    }
    d.record(ApplicationStatus.RENEWED, List.of());
    var changed =
        exporter.changed(
            exporter.standing(),
            renewed,
            d.registry.now(),
            List.of("licence renewed by application " + applicationId),
            exporter.overdueExports());
    return announce(d.registry, RegistryAction.RENEW.event(), d.registry.writeExporter(changed));
  }

  /**
   * An ECTA officer refuses an application, with reasons the exporter sees in its view. Answers the
   * application.
   *
   * @param reasonsJson {@code {"reasons":["..."]}}, at least one of 1-500 characters
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String refuseApplication(
      Context ctx, String exporterId, String applicationId, String reasonsJson) {
    Decider d = new Decider(ctx, exporterId, applicationId, RegistryAction.REFUSE);
    if (d.replayed()) {
      return ParticipantStore.json(d.application);
    }
    List<String> reasons = ParticipantContract.reasons(reasonsJson);
    return announce(
        d.registry, RegistryAction.REFUSE.event(), d.record(ApplicationStatus.REFUSED, reasons));
  }

  /** One application; an exporter reads only its own. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readApplication(Context ctx, String exporterId, String applicationId) {
    ApplicationStore applications = ApplicationStore.of(ctx);
    applications.requireReader(exporterId);
    return ParticipantStore.json(applications.read(exporterId, applicationId));
  }

  /** Every application of an exporter (about one a year); an exporter reads only its own. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listApplications(Context ctx, String exporterId) {
    ParticipantContract.requireId(exporterId, "exporterId");
    ApplicationStore applications = ApplicationStore.of(ctx);
    applications.requireReader(exporterId);
    return ParticipantStore.json(applications.applicationsOf(exporterId));
  }

  /** The profile an application asks ECTA to record, checked against the registry and the day. */
  private static ExporterProfile requested(
      ParticipantStore r, String exporterId, ApplicationStore.Request request) {
    ExporterProfile profile;
    if (request.kind() == ApplicationKind.REGISTRATION) {
      if (request.profile() == null
          || request.licenceExpiry() != null
          || request.competenceCertificateExpiry() != null) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT, "a registration states its profile, and only that");
      }
      if (r.exists(r.exporterKey(exporterId))) {
        throw ContractError.of(
            RefusalCode.ALREADY_EXISTS, "exporter " + exporterId + " is already registered");
      }
      profile = ParticipantContract.checked(request.profile());
    } else {
      if (request.profile() != null
          || !isDate(request.licenceExpiry())
          || !isDate(request.competenceCertificateExpiry())) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT,
            "a renewal states licenceExpiry and competenceCertificateExpiry (ISO dates), and only"
                + " those");
      }
      RegisteredExporter exporter = r.exporter(exporterId);
      if (exporter.standing() == ExporterStanding.BANNED) {
        throw ContractError.of(
            RefusalCode.EXPORTER_NOT_ACTIVE, "exporter " + exporterId + " is banned");
      }
      profile =
          exporter
              .profile()
              .renewed(request.licenceExpiry(), request.competenceCertificateExpiry());
      if (!profile.validThrough().isAfter(exporter.profile().validThrough())) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT,
            "a renewal must reach beyond " + exporter.profile().validThrough());
      }
    }
    if (profile.expiredAt(r.stub.getTxTimestamp())) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "the licence applied for lapsed on " + profile.validThrough());
    }
    return profile;
  }

  /** Whether {@code earlier} is what {@code request} asks for (an application sent again). */
  private static boolean sameRequest(LicenceApplication earlier, ApplicationStore.Request request) {
    return earlier.kind() == request.kind()
        && (request.kind() == ApplicationKind.REGISTRATION
            ? earlier.profile().equals(request.profile())
            : earlier.profile().licenceExpiry().equals(request.licenceExpiry())
                && earlier
                    .profile()
                    .competenceCertificateExpiry()
                    .equals(request.competenceCertificateExpiry()));
  }

  private static boolean isDate(String value) {
    try {
      LocalDate.parse(Objects.requireNonNull(value));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void accepted(ApplicationDecision decision) {
    if (decision instanceof ApplicationDecision.Rejected rejected) {
      throw ContractError.of(rejected.code(), rejected.reason());
    }
  }

  private static String announce(ParticipantStore r, String event, byte[] payload) {
    r.stub.setEvent(event, payload);
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** ECTA's decision on one application: who decides, what the application is, what it allows. */
  private static final class Decider {
    final ParticipantStore registry;
    final ApplicationStore applications;
    final LicenceApplication application;
    final RegistryAction action;

    Decider(Context ctx, String exporterId, String applicationId, RegistryAction action) {
      this.registry =
          ParticipantContract.officerOf(
              ctx, et.coffeeexport.domain.Organisation.ECTA, "decide licence applications");
      this.applications = new ApplicationStore(registry);
      this.action = action;
      ParticipantContract.requireId(exporterId, "exporterId");
      ParticipantContract.requireId(applicationId, "applicationId");
      this.application = applications.read(exporterId, applicationId);
    }

    /**
     * Whether this very officer took this very decision already (a retried step): then it is
     * answered, not taken again. Anything else that finds the application decided is refused by the
     * state machine.
     */
    boolean replayed() {
      var decided = application.decided();
      if (decided != null
          && decided.certificateId().equals(registry.caller.certificateId())
          && LicenceApplications.decide(
                  ApplicationStatus.SUBMITTED, application.kind(), action, registry.caller.actor())
              instanceof ApplicationDecision.Accepted accepted
          && accepted.next() == application.status()) {
        return true;
      }
      accepted(
          LicenceApplications.decide(
              application.status(), application.kind(), action, registry.caller.actor()));
      return false;
    }

    /**
     * Whether the licence may be granted now: false when this officer granted it already (a
     * replay); refused when a document ECTA reviews is missing or the licence applied for has
     * lapsed at this transaction's time.
     */
    boolean grantable() {
      if (replayed()) {
        return false;
      }
      if (!application.missingDocuments().isEmpty()) {
        throw ContractError.of(
            RefusalCode.PRECONDITION_FAILED,
            "application "
                + application.applicationId()
                + " lacks "
                + application.missingDocuments());
      }
      Instant now = registry.stub.getTxTimestamp();
      if (Deadlines.passed(application.profile().validThrough(), now)) {
        throw ContractError.of(
            RefusalCode.PRECONDITION_FAILED,
            "the licence applied for lapsed on " + application.profile().validThrough());
      }
      return true;
    }

    /** Writes the application as decided, signed by the caller; only ECTA may change it now. */
    byte[] record(ApplicationStatus outcome, List<String> reasons) {
      return applications.write(
          application.decided(outcome, registry.signature(), reasons),
          ApplicationStore.ONCE_DECIDED);
    }
  }
}
