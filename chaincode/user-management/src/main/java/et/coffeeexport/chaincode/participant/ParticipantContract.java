package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExporterProfile;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.Identifiers;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The {@code user-management} chaincode: exporters, officers and the buyer blacklist. */
@Contract(
    name = "ParticipantContract",
    info = @Info(title = "Participant registry", version = "1.0.0"))
@Default
public final class ParticipantContract implements ContractInterface {
  static final String OFFICER = "officer";
  static final String BUYER = "buyer";

  /**
   * ECTA licenses an exporter directly (an exporter ECTA licensed on paper before the platform, or
   * a test's): it starts {@code ACTIVE}. An exporter's own application goes through {@link
   * LicenceApplicationContract} instead, where ECTA decides on what the exporter applied with.
   *
   * @param profileJson {@link ExporterProfile}: name, licence number and expiry, competence
   *     certificate number and expiry, a 10-digit TIN and a positive capital in birr
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerExporter(Context ctx, String exporterId, String profileJson) {
    ParticipantStore r = officerOf(ctx, Organisation.ECTA, "register exporters");
    requireId(exporterId, "exporterId");
    ExporterProfile profile =
        checked(CanonicalJson.parse(profileJson, ExporterProfile.class, "profile"));
    if (r.exists(r.exporterKey(exporterId))) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS, "exporter " + exporterId + " is already registered");
    }
    return r.putExporter(r.newExporter(exporterId, profile), "ExporterRegistered");
  }

  /**
   * Changes an exporter's standing: ECTA suspends, reinstates ({@code ACTIVE}) or bans; National
   * Bank sets and clears {@code DELINQUENT}. Reasons are required; a ban and a reinstatement are
   * co-signed: only a supervisor of the proposing organisation, not the proposer, takes a change an
   * officer proposed ({@link #proposeStandingChange}), else {@code FOUR_EYES_REQUIRED}. Clearing a
   * delinquency records the repatriation evidence among the documents, else {@code
   * PRECONDITION_FAILED}. The change joins the exporter's decision trail ({@link
   * #registryDecisions}).
   *
   * @param reasonsJson {@code {"reasons":["..."],"documents":["..."]}} (documents optional: up to
   *     20 references, e.g. an export's anchored document)
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String changeExporterStanding(
      Context ctx, String exporterId, String standing, String reasonsJson) {
    ParticipantStore r = new ParticipantStore(ctx);
    r.requireActiveOfficer();
    ExporterStanding to = parseStanding(standing);
    RegistryDecisions.StandingReasons why = RegistryDecisions.standingReasons(reasonsJson);
    RegisteredExporter exporter = r.exporter(exporterId);
    ExporterStanding from = exporter.effectiveStanding();
    requireMayBecome(r, from, to);
    RegistryDecisions trail = new RegistryDecisions(r);
    var proposal = from.needsCosignature(to) ? trail.cosigned(exporterId, from, to) : null;
    if (from.needsRepatriationEvidence(to) && why.documents().isEmpty()) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED,
          "clearing the delinquency of " + exporterId + " needs the repatriation evidence");
    }
    // National Bank clearing a delinquency clears the overdue exports it was for.
    boolean cleared =
        r.caller.organisation() == Organisation.NATIONAL_BANK && to == ExporterStanding.ACTIVE;
    var changed =
        exporter.changed(
            to,
            exporter.profile(),
            r.now(),
            why.reasons(),
            cleared ? List.of() : exporter.overdueExports());
    trail.record(
        RegistryDecisions.EXPORTER,
        exporterId,
        "changeExporterStanding",
        from.name(),
        to.name(),
        why,
        proposal);
    return r.putExporter(changed, "ExporterStandingChanged");
  }

  /**
   * An officer proposes a standing change that takes a second person ({@code
   * ExporterStanding.needsCosignature}: a ban, a reinstatement); a supervisor of the same
   * organisation takes it with {@link #changeExporterStanding}. A new proposal replaces the one
   * pending for that exporter. A change that needs no co-signature is {@code INVALID_ARGUMENT}.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String proposeStandingChange(
      Context ctx, String exporterId, String standing, String reasonsJson) {
    ParticipantStore r = new ParticipantStore(ctx);
    r.requireActiveOfficer();
    ExporterStanding to = parseStanding(standing);
    RegistryDecisions.StandingReasons why = RegistryDecisions.standingReasons(reasonsJson);
    ExporterStanding from = r.exporter(exporterId).effectiveStanding();
    requireMayBecome(r, from, to);
    if (!from.needsCosignature(to)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "a change from " + from + " to " + to + " needs no co-signature: change it directly");
    }
    return new RegistryDecisions(r).propose(exporterId, from, to, why);
  }

  /**
   * An officer or supervisor of the organisation that proposed a standing change withdraws it
   * before it is co-signed; the withdrawn proposal is answered and announced. Naming the change
   * ({@code standing}) keeps a newer proposal for another change from being withdrawn by mistake.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String withdrawStandingProposal(Context ctx, String exporterId, String standing) {
    ParticipantStore r = new ParticipantStore(ctx);
    r.requireActiveOfficer();
    ExporterStanding to = parseStanding(standing);
    byte[] withdrawn = CanonicalJson.toBytes(new RegistryDecisions(r).withdraw(exporterId, to));
    ctx.getStub().setEvent("ExporterStandingProposalWithdrawn", withdrawn);
    return new String(withdrawn, StandardCharsets.UTF_8);
  }

  /**
   * The registry's decisions on an exporter's standing or a buyer's blacklist entry, oldest first:
   * each names who decided, why, the documents and the co-signed proposal.
   *
   * @param subject {@code exporter} or {@code buyer}
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String registryDecisions(Context ctx, String subject, String subjectId) {
    return ParticipantStore.json(
        new RegistryDecisions(new ParticipantStore(ctx)).of(subject, subjectId));
  }

  private static void requireMayBecome(
      ParticipantStore r, ExporterStanding from, ExporterStanding to) {
    if (!from.mayBecome(to, r.caller.organisation())) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN,
          r.caller.organisation() + " may not change an exporter from " + from + " to " + to);
    }
  }

  /**
   * National Bank records that the proceeds of {@code exportId} are overdue: the exporter becomes
   * delinquent, from whatever standing (a suspended exporter reinstated later is still delinquent).
   * Called by the coffee-export chaincode within the transaction that marks the export overdue, so
   * both are one atomic decision. Recording the same export again changes nothing.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordOverdueProceeds(Context ctx, String exporterId, String exportId) {
    ParticipantStore r = officerOf(ctx, Organisation.NATIONAL_BANK, "record overdue proceeds");
    requireId(exportId, "exportId");
    RegisteredExporter exporter = r.exporter(exporterId);
    if (exporter.overdueExports().contains(exportId)) {
      return ParticipantStore.json(exporter);
    }
    List<String> overdue = new java.util.ArrayList<>(exporter.overdueExports());
    overdue.add(exportId);
    var delinquent =
        exporter.changed(
            exporter.standing() == ExporterStanding.ACTIVE
                ? ExporterStanding.DELINQUENT
                : exporter.standing(),
            exporter.profile(),
            r.now(),
            List.of("proceeds of " + exportId + " overdue"),
            overdue);
    return r.putExporter(delinquent, "ExporterDelinquent");
  }

  /**
   * The standing that decides whether an exporter may act: its registry standing, or {@code
   * LICENCE_EXPIRED} when its licence or competence certificate expired before this transaction's
   * day ({@link RegisteredExporter#statusAt}). {@code NOT_FOUND} when unregistered.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String exporterStatus(Context ctx, String exporterId) {
    ParticipantStore r = new ParticipantStore(ctx);
    return r.exporter(exporterId).statusAt(ctx.getStub().getTxTimestamp());
  }

  /** An exporter's registry entry. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readExporter(Context ctx, String exporterId) {
    return ParticipantStore.json(new ParticipantStore(ctx).exporter(exporterId));
  }

  /**
   * An organisation's administrator registers (or re-activates) one of its identities as officer or
   * supervisor.
   *
   * @param role {@code officer} or {@code supervisor}, as in the identity's certificate
   * @param userId the person's Keycloak user id
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerOfficer(Context ctx, String enrollmentId, String role, String userId) {
    ParticipantStore r = adminOf(ctx);
    requireId(enrollmentId, "enrollmentId");
    Role parsed = Role.fromAttribute(role);
    if (parsed != Role.OFFICER && parsed != Role.SUPERVISOR) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "role must be officer or supervisor");
    }
    requireId(userId, "userId");
    var officer =
        new Participants.Officer(
            r.caller.mspId(), enrollmentId, parsed.name(), userId, true, r.now());
    return r.put(
        r.key(OFFICER, r.caller.mspId(), enrollmentId),
        officer,
        "OfficerRegistered",
        EnumSet.of(r.caller.organisation()));
  }

  /**
   * An organisation's administrator deactivates one of its officers: the chaincode then refuses
   * their decisions.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String deactivateOfficer(Context ctx, String enrollmentId) {
    ParticipantStore r = adminOf(ctx);
    String key = r.key(OFFICER, r.caller.mspId(), enrollmentId);
    Participants.Officer officer =
        r.read(key, Participants.Officer.class, "officer " + enrollmentId);
    var inactive =
        new Participants.Officer(
            officer.mspId(), enrollmentId, officer.role(), officer.userId(), false, r.now());
    return r.put(key, inactive, "OfficerDeactivated", null);
  }

  /**
   * {@code ACTIVE} or {@code INACTIVE}; {@code NOT_FOUND} when the identity was never registered as
   * officer.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String officerStatus(Context ctx, String mspId, String enrollmentId) {
    ParticipantStore r = new ParticipantStore(ctx);
    Participants.Officer officer =
        r.read(
            r.key(OFFICER, mspId, enrollmentId),
            Participants.Officer.class,
            "officer " + enrollmentId);
    return officer.active() ? "ACTIVE" : "INACTIVE";
  }

  /**
   * The standings another chaincode needs for one decision, in one call: {@code
   * {"officer":...,"exporter":...,"buyer":...}}, each {@code NONE} when not asked ({@code -}); an
   * unknown officer or exporter is {@code NOT_REGISTERED}, a buyer {@code BLACKLISTED} or {@code
   * CLEAR}. One call per transaction: the Java shim tracks an invocation by its transaction id, and
   * consecutive calls from one transaction race under load.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String standings(
      Context ctx, String mspId, String enrollmentId, String exporterId, String buyerId) {
    String officer =
        "-".equals(enrollmentId)
            ? "NONE"
            : registered(() -> officerStatus(ctx, mspId, enrollmentId));
    String exporter =
        "-".equals(exporterId) ? "NONE" : registered(() -> exporterStatus(ctx, exporterId));
    String buyer = "-".equals(buyerId) ? "NONE" : buyerStanding(ctx, buyerId);
    return ParticipantStore.json(new Participants.Standings(officer, exporter, buyer));
  }

  private static String buyerStanding(Context ctx, String buyerId) {
    ParticipantStore r = new ParticipantStore(ctx);
    String key = r.key(BUYER, buyerId);
    return r.exists(key) && r.read(key, Participants.Buyer.class, "buyer").blacklisted()
        ? "BLACKLISTED"
        : "CLEAR";
  }

  private static String registered(java.util.function.Supplier<String> status) {
    try {
      return status.get();
    } catch (org.hyperledger.fabric.shim.ChaincodeException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("NOT_FOUND")) {
        return "NOT_REGISTERED";
      }
      throw e;
    }
  }

  /** ECTA blacklists a buyer, with the reason. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String blacklistBuyer(
      Context ctx, String buyerId, String name, String country, String reason) {
    ParticipantStore r = officerOf(ctx, Organisation.ECTA, "keep the buyer blacklist");
    requireId(buyerId, "buyerId");
    if (name == null
        || name.isBlank()
        || country == null
        || !country.matches("[A-Z]{2}")
        || reason == null
        || reason.isBlank()) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, "name, an ISO alpha-2 country and a reason are required");
    }
    String key = r.key(BUYER, buyerId);
    boolean listed = r.exists(key) && r.read(key, Participants.Buyer.class, "buyer").blacklisted();
    var buyer = new Participants.Buyer(buyerId, name, country, reason, true, r.now());
    blacklistDecision(r, "blacklistBuyer", buyerId, listed, true, reason);
    return r.put(key, buyer, "BuyerBlacklisted", EnumSet.of(Organisation.ECTA));
  }

  /**
   * ECTA takes a buyer off the blacklist, with the reason; a buyer not on it is {@code
   * PRECONDITION_FAILED}.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String removeBuyerFromBlacklist(Context ctx, String buyerId, String reason) {
    ParticipantStore r = officerOf(ctx, Organisation.ECTA, "keep the buyer blacklist");
    Participants.Buyer buyer =
        r.read(r.key(BUYER, buyerId), Participants.Buyer.class, "buyer " + buyerId);
    if (!buyer.blacklisted()) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED, "buyer " + buyerId + " is not on the blacklist");
    }
    if (reason == null || reason.isBlank()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "a reason is required");
    }
    var cleared =
        new Participants.Buyer(buyerId, buyer.name(), buyer.country(), reason, false, r.now());
    blacklistDecision(r, "removeBuyerFromBlacklist", buyerId, true, false, reason);
    return r.put(r.key(BUYER, buyerId), cleared, "BuyerRemovedFromBlacklist", null);
  }

  private static void blacklistDecision(
      ParticipantStore r, String action, String buyerId, boolean from, boolean to, String reason) {
    new RegistryDecisions(r)
        .record(
            RegistryDecisions.BUYER,
            buyerId,
            action,
            from ? "BLACKLISTED" : "CLEAR",
            to ? "BLACKLISTED" : "CLEAR",
            new RegistryDecisions.StandingReasons(List.of(reason), List.of()),
            null);
  }

  /** A buyer's blacklist entry. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readBuyer(Context ctx, String buyerId) {
    ParticipantStore r = new ParticipantStore(ctx);
    return ParticipantStore.json(
        r.read(r.key(BUYER, buyerId), Participants.Buyer.class, "buyer " + buyerId));
  }

  static ParticipantStore officerOf(Context ctx, Organisation organisation, String what) {
    ParticipantStore r = new ParticipantStore(ctx);
    if (r.caller.organisation() != organisation) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "only " + organisation + " may " + what);
    }
    r.requireActiveOfficer();
    return r;
  }

  private static ParticipantStore adminOf(Context ctx) {
    ParticipantStore r = new ParticipantStore(ctx);
    if (!r.caller.admin() || r.caller.organisation() == null) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN, "only an organisation's administrator manages its officers");
    }
    return r;
  }

  static ExporterProfile checked(ExporterProfile profile) {
    List<String> violations = profile.violations();
    if (!violations.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
    return profile;
  }

  private static ExporterStanding parseStanding(String value) {
    try {
      return ExporterStanding.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "standing must be one of " + List.of(ExporterStanding.values()));
    }
  }

  static List<String> reasons(String json) {
    record Reasons(List<String> reasons) {}
    Reasons r = CanonicalJson.parse(json, Reasons.class, "reasons");
    if (r.reasons() == null
        || r.reasons().isEmpty()
        || r.reasons().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 500)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "reasons must name at least one reason of 1-500 characters");
    }
    return List.copyOf(r.reasons());
  }

  static void requireId(String value, String name) {
    if (!Identifiers.isValid(value)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, name + " must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }
}
