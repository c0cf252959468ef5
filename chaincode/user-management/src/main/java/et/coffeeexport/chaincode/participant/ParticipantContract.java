package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.Identifiers;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
  static final String EXPORTER = "exporter";
  static final String OFFICER = "officer";
  static final String BUYER = "buyer";

  /** ECTA licenses an exporter: it starts {@code ACTIVE}. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerExporter(Context ctx, String exporterId, String profileJson) {
    ParticipantStore r = officerOf(ctx, Organisation.ECTA, "register exporters");
    requireId(exporterId, "exporterId");
    Participants.ExporterProfile profile =
        checked(CanonicalJson.parse(profileJson, Participants.ExporterProfile.class, "profile"));
    String key = r.key(EXPORTER, exporterId);
    if (r.exists(key)) {
      throw ContractError.of(
          RefusalCode.ALREADY_EXISTS, "exporter " + exporterId + " is already registered");
    }
    var exporter =
        new Participants.Exporter(
            exporterId, ExporterStanding.ACTIVE, profile, r.now(), r.now(), List.of(), List.of());
    return r.put(
        key,
        exporter,
        "ExporterRegistered",
        EnumSet.of(Organisation.ECTA, Organisation.NATIONAL_BANK));
  }

  /**
   * Changes an exporter's standing: ECTA suspends, reinstates ({@code ACTIVE}) or bans; National
   * Bank sets and clears {@code DELINQUENT}. Reasons are required.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String changeExporterStanding(
      Context ctx, String exporterId, String standing, String reasonsJson) {
    ParticipantStore r = new ParticipantStore(ctx);
    r.requireActiveOfficer();
    ExporterStanding to = parseStanding(standing);
    List<String> reasons = reasons(reasonsJson);
    Participants.Exporter exporter =
        r.read(r.key(EXPORTER, exporterId), Participants.Exporter.class, "exporter " + exporterId);
    if (!exporter.effectiveStanding().mayBecome(to, r.caller.organisation())) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN,
          r.caller.organisation()
              + " may not change an exporter from "
              + exporter.effectiveStanding()
              + " to "
              + to);
    }
    // National Bank clearing a delinquency clears the overdue exports it was for.
    boolean cleared =
        r.caller.organisation() == Organisation.NATIONAL_BANK && to == ExporterStanding.ACTIVE;
    var changed =
        new Participants.Exporter(
            exporterId,
            to,
            exporter.profile(),
            exporter.registeredAt(),
            r.now(),
            reasons,
            cleared ? List.of() : exporter.overdueExports());
    return r.put(r.key(EXPORTER, exporterId), changed, "ExporterStandingChanged", null);
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
    String key = r.key(EXPORTER, exporterId);
    Participants.Exporter exporter =
        r.read(key, Participants.Exporter.class, "exporter " + exporterId);
    if (exporter.overdueExports().contains(exportId)) {
      return ParticipantStore.json(exporter);
    }
    List<String> overdue = new java.util.ArrayList<>(exporter.overdueExports());
    overdue.add(exportId);
    var delinquent =
        new Participants.Exporter(
            exporterId,
            exporter.standing() == ExporterStanding.ACTIVE
                ? ExporterStanding.DELINQUENT
                : exporter.standing(),
            exporter.profile(),
            exporter.registeredAt(),
            r.now(),
            List.of("proceeds of " + exportId + " overdue"),
            overdue);
    return r.put(key, delinquent, "ExporterDelinquent", null);
  }

  /**
   * The standing that decides whether an exporter may act: its registry standing, or {@code
   * LICENCE_EXPIRED} when its competence certificate expired before this transaction's day. {@code
   * NOT_FOUND} when unregistered.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String exporterStatus(Context ctx, String exporterId) {
    ParticipantStore r = new ParticipantStore(ctx);
    Participants.Exporter exporter =
        r.read(r.key(EXPORTER, exporterId), Participants.Exporter.class, "exporter " + exporterId);
    LocalDate today = ctx.getStub().getTxTimestamp().atZone(ZoneOffset.UTC).toLocalDate();
    ExporterStanding standing = exporter.effectiveStanding();
    if (standing == ExporterStanding.ACTIVE
        && LocalDate.parse(exporter.profile().competenceCertificateExpiry()).isBefore(today)) {
      return "LICENCE_EXPIRED";
    }
    return standing.name();
  }

  /** An exporter's registry entry. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readExporter(Context ctx, String exporterId) {
    ParticipantStore r = new ParticipantStore(ctx);
    return ParticipantStore.json(
        r.read(r.key(EXPORTER, exporterId), Participants.Exporter.class, "exporter " + exporterId));
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
    var buyer = new Participants.Buyer(buyerId, name, country, reason, true, r.now());
    return r.put(r.key(BUYER, buyerId), buyer, "BuyerBlacklisted", EnumSet.of(Organisation.ECTA));
  }

  /** ECTA takes a buyer off the blacklist. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String removeBuyerFromBlacklist(Context ctx, String buyerId, String reason) {
    ParticipantStore r = officerOf(ctx, Organisation.ECTA, "keep the buyer blacklist");
    Participants.Buyer buyer =
        r.read(r.key(BUYER, buyerId), Participants.Buyer.class, "buyer " + buyerId);
    var cleared =
        new Participants.Buyer(buyerId, buyer.name(), buyer.country(), reason, false, r.now());
    return r.put(r.key(BUYER, buyerId), cleared, "BuyerRemovedFromBlacklist", null);
  }

  /** A buyer's blacklist entry. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readBuyer(Context ctx, String buyerId) {
    ParticipantStore r = new ParticipantStore(ctx);
    return ParticipantStore.json(
        r.read(r.key(BUYER, buyerId), Participants.Buyer.class, "buyer " + buyerId));
  }

  private static ParticipantStore officerOf(Context ctx, Organisation organisation, String what) {
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

  private static Participants.ExporterProfile checked(Participants.ExporterProfile p) {
    boolean ok =
        p.name() != null
            && !p.name().isBlank()
            && p.name().length() <= 200
            && Identifiers.isValid(p.licenceNumber())
            && Identifiers.isValid(p.competenceCertificateNumber())
            && p.tin() != null
            && p.tin().matches("[0-9]{10}")
            && p.capitalEtb() > 0;
    try {
      LocalDate.parse(String.valueOf(p.competenceCertificateExpiry()));
    } catch (java.time.format.DateTimeParseException e) {
      ok = false;
    }
    if (!ok) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "profile needs name, licenceNumber, competenceCertificateNumber, competenceCertificateExpiry (date), a 10-digit tin and a positive capitalEtb");
    }
    return p;
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

  private static List<String> reasons(String json) {
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
