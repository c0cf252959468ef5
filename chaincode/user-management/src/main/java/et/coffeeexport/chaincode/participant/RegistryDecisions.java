package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's decision trail and the standing changes awaiting a co-signature. A registry entry
 * keeps only its latest state; the trail keeps every standing change and every blacklist entry or
 * removal as a record of its own, naming who decided (organisation, role, Keycloak user id,
 * certificate), why, the documents recorded with it and, for a co-signed change, the proposal it
 * co-signed. Trail records are written once and every member must endorse a change to one, so
 * nobody rewrites them.
 */
final class RegistryDecisions {
  static final String DECISION = "registryDecision";
  static final String PROPOSAL = "standingProposal";
  static final String EXPORTER = "exporter";
  static final String BUYER = "buyer";

  private static final int MAX_DOCUMENTS = 20;
  private static final int MAX_TEXT = 500;

  /** A standing change's reasons and the documents recorded with it (references, evidence). */
  record StandingReasons(List<String> reasons, List<String> documents) {
    StandingReasons {
      documents = documents == null ? List.of() : List.copyOf(documents);
    }
  }

  /** A change an officer proposed that a supervisor of the same organisation must co-sign. */
  record StandingProposal(
      String exporterId,
      ExporterStanding from,
      ExporterStanding to,
      List<String> reasons,
      List<String> documents,
      String organisation,
      String userId,
      String enrollmentId,
      String proposedBy,
      String txId,
      String at) {}

  /**
   * One decision of the registry.
   *
   * @param subject {@code exporter} or {@code buyer}
   * @param action the transaction that decided it ({@code changeExporterStanding}, ...)
   * @param from the standing before ({@code ACTIVE}, ... or {@code BLACKLISTED}/{@code CLEAR})
   * @param decidedBy the decider's certificate id
   * @param proposal the co-signed proposal, or null
   */
  record RegistryDecision(
      String subject,
      String subjectId,
      String action,
      String from,
      String to,
      List<String> reasons,
      List<String> documents,
      String organisation,
      Role role,
      String userId,
      String enrollmentId,
      String decidedBy,
      StandingProposal proposal,
      String txId,
      String at) {}

  private final ParticipantStore r;

  RegistryDecisions(ParticipantStore r) {
    this.r = r;
  }

  /** Parses a standing change's {@code {"reasons":[...],"documents":[...]}}. */
  static StandingReasons standingReasons(String json) {
    StandingReasons parsed = CanonicalJson.parse(json, StandingReasons.class, "reasons");
    if (parsed.reasons() == null
        || parsed.reasons().isEmpty()
        || parsed.reasons().stream().anyMatch(RegistryDecisions::badText)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "reasons must name at least one reason of 1-" + MAX_TEXT + " characters");
    }
    if (parsed.documents().size() > MAX_DOCUMENTS
        || parsed.documents().stream().anyMatch(RegistryDecisions::badText)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "documents must be at most "
              + MAX_DOCUMENTS
              + " references of 1-"
              + MAX_TEXT
              + " characters");
    }
    return new StandingReasons(List.copyOf(parsed.reasons()), parsed.documents());
  }

  private static boolean badText(String s) {
    return s == null || s.isBlank() || s.length() > MAX_TEXT;
  }

  /** Records a proposal of the caller's, replacing the one pending for that exporter. */
  String propose(
      String exporterId, ExporterStanding from, ExporterStanding to, StandingReasons why) {
    var proposal =
        new StandingProposal(
            exporterId,
            from,
            to,
            why.reasons(),
            why.documents(),
            r.caller.mspId(),
            r.caller.userId(),
            r.caller.enrollmentId(),
            r.caller.certificateId(),
            r.stub.getTxId(),
            r.now());
    return r.put(
        r.key(PROPOSAL, exporterId),
        proposal,
        "ExporterStandingChangeProposed",
        java.util.EnumSet.of(r.caller.organisation()));
  }

  /**
   * The proposal the caller co-signs, taken off the pending list: a supervisor of the proposing
   * organisation, not its proposer, co-signing exactly the change proposed from the standing the
   * exporter still has. Anything else is {@code FOUR_EYES_REQUIRED}.
   */
  StandingProposal cosigned(String exporterId, ExporterStanding from, ExporterStanding to) {
    String change = exporterId + " from " + from + " to " + to;
    if (r.caller.role() != Role.SUPERVISOR) {
      throw fourEyes(
          "changing "
              + change
              + " takes a supervisor's co-signature on an officer's proposal (proposeStandingChange)");
    }
    String key = r.key(PROPOSAL, exporterId);
    if (!r.exists(key)) {
      throw fourEyes("no proposal to change " + change + " awaits a co-signature");
    }
    StandingProposal p = r.read(key, StandingProposal.class, "proposal");
    if (!p.organisation().equals(r.caller.mspId()) || p.from() != from || p.to() != to) {
      throw fourEyes(
          "the pending proposal of "
              + p.organisation()
              + " changes "
              + exporterId
              + " from "
              + p.from()
              + " to "
              + p.to()
              + ", not "
              + change);
    }
    if (p.proposedBy().equals(r.caller.certificateId())
        || (p.userId() != null && p.userId().equals(r.caller.userId()))) {
      throw fourEyes("the proposer of a change may not co-sign it");
    }
    r.stub.delState(key);
    return p;
  }

  /**
   * The caller's organisation's proposal to change {@code exporterId} to {@code to}, taken off the
   * pending list: the proposing organisation gave the change up (a supervisor sent it back and the
   * officer withdrew it), so no supervisor can take it alone afterwards. A proposal of another
   * organisation is {@code FORBIDDEN}; one for another change stays ({@code PROPOSAL_CHANGED}).
   */
  StandingProposal withdraw(String exporterId, ExporterStanding to) {
    String key = r.key(PROPOSAL, exporterId);
    if (!r.exists(key)) {
      throw ContractError.of(
          RefusalCode.NOT_FOUND, "no proposal to change " + exporterId + " awaits a co-signature");
    }
    StandingProposal p = r.read(key, StandingProposal.class, "proposal");
    if (!p.organisation().equals(r.caller.mspId())) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN,
          "the pending proposal on " + exporterId + " is " + p.organisation() + "'s to withdraw");
    }
    if (p.to() != to) {
      throw ContractError.of(
          RefusalCode.PROPOSAL_CHANGED,
          "the pending proposal changes "
              + exporterId
              + " to "
              + p.to()
              + ", not "
              + to
              + ": it stays");
    }
    r.stub.delState(key);
    return p;
  }

  private static RuntimeException fourEyes(String message) {
    return ContractError.of(RefusalCode.FOUR_EYES_REQUIRED, message);
  }

  /** Adds the caller's decision to the trail of {@code subject} {@code subjectId}. */
  void record(
      String subject,
      String subjectId,
      String action,
      String from,
      String to,
      StandingReasons why,
      StandingProposal proposal) {
    Instant at = r.stub.getTxTimestamp();
    // Ordered by transaction time, then id: the trail reads oldest first.
    String order = String.format("%019d", at.getEpochSecond() * 1_000_000_000L + at.getNano());
    String key = r.key(DECISION, subject, subjectId, order, r.stub.getTxId());
    var decision =
        new RegistryDecision(
            subject,
            subjectId,
            action,
            from,
            to,
            why.reasons(),
            why.documents(),
            r.caller.mspId(),
            r.caller.role(),
            r.caller.userId(),
            r.caller.enrollmentId(),
            r.caller.certificateId(),
            proposal,
            r.stub.getTxId(),
            r.now());
    r.stub.putState(key, CanonicalJson.toBytes(decision));
    r.stub.setStateValidationParameter(key, EndorsementPolicies.everyMember());
  }

  /** The trail of {@code subject} {@code subjectId}, oldest first. */
  List<RegistryDecision> of(String subject, String subjectId) {
    if (!EXPORTER.equals(subject) && !BUYER.equals(subject)) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "subject must be exporter or buyer");
    }
    ParticipantContract.requireId(subjectId, subject + "Id");
    List<RegistryDecision> trail = new ArrayList<>();
    try (var entries =
        r.stub.getStateByPartialCompositeKey(
            r.stub.createCompositeKey(DECISION, subject, subjectId))) {
      for (var entry : entries) {
        trail.add(CanonicalJson.fromBytes(entry.getValue(), RegistryDecision.class));
      }
    } catch (Exception e) {
      throw new IllegalStateException("the trail of " + subjectId + " cannot be read", e);
    }
    return trail;
  }
}
