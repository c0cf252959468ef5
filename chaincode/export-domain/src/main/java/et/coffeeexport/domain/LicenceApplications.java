package et.coffeeexport.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The licence applications' state machine: an exporter applies (through Commercial Bank, with the
 * certificate that names its exporter id), ECTA's officers or supervisors register, renew or
 * refuse. The {@code user-management} chaincode enforces it, and a test checks the BPMN model of
 * the registration process against it. Stateless and deterministic.
 */
public final class LicenceApplications {
  /** What ECTA reviews on every application: the licence and the competence certificate. */
  public static final Set<DocumentType> REQUIRED_DOCUMENTS =
      EnumSet.of(DocumentType.EXPORT_LICENCE, DocumentType.COMPETENCE_CERTIFICATE);

  private static final Set<Role> ECTA_STAFF = EnumSet.of(Role.OFFICER, Role.SUPERVISOR);
  private static final List<ApplicationTransition> TRANSITIONS = table();

  private LicenceApplications() {}

  /** Every allowed transition. */
  public static List<ApplicationTransition> transitions() {
    return TRANSITIONS;
  }

  /**
   * Decides whether {@code actor} may take {@code action} on an application of {@code kind} now in
   * {@code current} ({@code null}: not applied for yet).
   */
  public static ApplicationDecision decide(
      ApplicationStatus current, ApplicationKind kind, RegistryAction action, Actor actor) {
    List<ApplicationTransition> fromHere =
        TRANSITIONS.stream()
            .filter(t -> t.action() == action && t.kind() == kind && t.from() == current)
            .toList();
    if (fromHere.isEmpty()) {
      return new ApplicationDecision.Rejected(
          RefusalCode.ILLEGAL_TRANSITION,
          action + " is not possible on a " + kind + " application " + describe(current));
    }
    return fromHere.stream()
        .filter(t -> t.permits(actor))
        .findFirst()
        .<ApplicationDecision>map(t -> new ApplicationDecision.Accepted(t.to()))
        .orElseGet(
            () ->
                new ApplicationDecision.Rejected(
                    RefusalCode.NOT_AUTHORISED,
                    action
                        + " is for "
                        + fromHere.get(0).organisation()
                        + " "
                        + fromHere.get(0).roles()
                        + ", not "
                        + actor));
  }

  private static String describe(ApplicationStatus current) {
    return current == null ? "that does not exist" : "that is " + current;
  }

  private static List<ApplicationTransition> table() {
    List<ApplicationTransition> t = new ArrayList<>();
    for (ApplicationKind kind : ApplicationKind.values()) {
      t.add(
          new ApplicationTransition(
              RegistryAction.APPLY,
              kind,
              null,
              ApplicationStatus.SUBMITTED,
              Organisation.COMMERCIAL_BANK,
              EnumSet.of(Role.EXPORTER)));
      t.add(
          new ApplicationTransition(
              RegistryAction.REFUSE,
              kind,
              ApplicationStatus.SUBMITTED,
              ApplicationStatus.REFUSED,
              Organisation.ECTA,
              ECTA_STAFF));
    }
    t.add(
        new ApplicationTransition(
            RegistryAction.REGISTER,
            ApplicationKind.REGISTRATION,
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.REGISTERED,
            Organisation.ECTA,
            ECTA_STAFF));
    t.add(
        new ApplicationTransition(
            RegistryAction.RENEW,
            ApplicationKind.RENEWAL,
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.RENEWED,
            Organisation.ECTA,
            ECTA_STAFF));
    return List.copyOf(t);
  }
}
