package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The licence applications' state machine, cell by cell (status × kind × action × organisation ×
 * role), and the licence's expiry as the registry reads it.
 */
class LicenceApplicationsTest {
  private static final ExporterProfile PROFILE =
      new ExporterProfile(
          "Guji Highlands plc", "ECTA-LIC-7", "2027-06-30", "CC-7", "2027-09-30", "0012345678", 1);

  @Test
  void everyCellIsDecidedByTheTableAndNothingElse() {
    List<ApplicationStatus> from = new ArrayList<>();
    from.add(null);
    from.addAll(List.of(ApplicationStatus.values()));
    int accepted = 0;
    for (ApplicationStatus status : from) {
      for (ApplicationKind kind : ApplicationKind.values()) {
        for (RegistryAction action : RegistryAction.values()) {
          for (Organisation org : Organisation.values()) {
            for (Role role : Role.values()) {
              Actor actor = new Actor(org, role);
              var decision = LicenceApplications.decide(status, kind, action, actor);
              var allowed =
                  LicenceApplications.transitions().stream()
                      .filter(
                          t ->
                              t.from() == status
                                  && t.kind() == kind
                                  && t.action() == action
                                  && t.permits(actor))
                      .findFirst();
              assertThat(decision.isAccepted())
                  .as("%s %s on %s by %s", action, kind, status, actor)
                  .isEqualTo(allowed.isPresent());
              if (allowed.isPresent()) {
                accepted++;
                assertThat(((ApplicationDecision.Accepted) decision).next())
                    .isEqualTo(allowed.get().to());
              }
            }
          }
        }
      }
    }
    // Applying (both kinds) by the exporter; registering, renewing and refusing by ECTA's two
    // roles.
    assertThat(accepted).isEqualTo(2 + 2 + 2 + 2 * 2);
  }

  @Test
  void theExporterAppliesAndOnlyEctaDecides() {
    Actor exporter = new Actor(Organisation.COMMERCIAL_BANK, Role.EXPORTER);
    Actor ecta = new Actor(Organisation.ECTA, Role.OFFICER);
    Actor nbe = new Actor(Organisation.NATIONAL_BANK, Role.SUPERVISOR);
    var applied =
        LicenceApplications.decide(
            null, ApplicationKind.REGISTRATION, RegistryAction.APPLY, exporter);
    assertThat(applied).isEqualTo(new ApplicationDecision.Accepted(ApplicationStatus.SUBMITTED));
    assertThat(
            LicenceApplications.decide(
                ApplicationStatus.SUBMITTED,
                ApplicationKind.REGISTRATION,
                RegistryAction.REGISTER,
                nbe))
        .isEqualTo(
            new ApplicationDecision.Rejected(
                RefusalCode.NOT_AUTHORISED,
                "REGISTER is for ECTA [OFFICER, SUPERVISOR], not " + nbe));
    assertThat(
            LicenceApplications.decide(
                ApplicationStatus.SUBMITTED,
                ApplicationKind.RENEWAL,
                RegistryAction.REGISTER,
                ecta))
        .as("a renewal is renewed, not registered")
        .extracting(d -> ((ApplicationDecision.Rejected) d).code())
        .isEqualTo(RefusalCode.ILLEGAL_TRANSITION);
    for (ApplicationStatus decided :
        List.of(
            ApplicationStatus.REGISTERED, ApplicationStatus.RENEWED, ApplicationStatus.REFUSED)) {
      assertThat(decided.isFinal()).isTrue();
      assertThat(
              LicenceApplications.decide(
                  decided, ApplicationKind.REGISTRATION, RegistryAction.REFUSE, ecta))
          .as("nothing changes a decided application")
          .isInstanceOf(ApplicationDecision.Rejected.class);
    }
  }

  @Test
  void theLicenceHoldsThroughTheEarlierOfItsTwoExpiryDays() {
    assertThat(PROFILE.validThrough()).isEqualTo(LocalDate.parse("2027-06-30"));
    assertThat(PROFILE.expiredAt(Instant.parse("2027-06-30T23:59:59Z"))).isFalse();
    assertThat(PROFILE.expiredAt(Instant.parse("2027-07-01T00:00:00Z"))).isTrue();
    var renewed = PROFILE.renewed("2028-06-30", "2028-03-31");
    assertThat(renewed.validThrough()).isEqualTo(LocalDate.parse("2028-03-31"));
    assertThat(renewed.licenceNumber()).isEqualTo(PROFILE.licenceNumber());
    var before = new ExporterProfile("Old plc", "L-1", null, "CC-1", "2026-12-31", "0012345678", 1);
    assertThat(before.validThrough())
        .as("an entry from before licences had an expiry follows its certificate")
        .isEqualTo(LocalDate.parse("2026-12-31"));
  }

  @Test
  void aProfileNamesEveryFieldThatIsWrong() {
    assertThat(PROFILE.violations()).isEmpty();
    var wrong = new ExporterProfile(" ", "bad id!", "30/06/2027", null, "2027", "12", 0);
    assertThat(wrong.violations())
        .containsExactly(
            "name must be 1-200 characters",
            "licenceNumber must be an identifier",
            "licenceExpiry must be an ISO-8601 date",
            "competenceCertificateNumber must be an identifier",
            "competenceCertificateExpiry must be an ISO-8601 date",
            "tin must be 10 digits",
            "capitalEtb must be positive");
  }

  @Test
  void anActiveExporterWhoseLicenceLapsedMayNotActButOtherStandingsStayWhatTheyAre() {
    var active =
        new RegisteredExporter(
            "EXPORTER-7", ExporterStanding.ACTIVE, PROFILE, "t", "t", List.of(), List.of());
    Instant after = Instant.parse("2027-07-01T00:00:00Z");
    assertThat(active.statusAt(Instant.parse("2027-06-30T12:00:00Z"))).isEqualTo("ACTIVE");
    assertThat(active.statusAt(after)).isEqualTo(RegisteredExporter.LICENCE_EXPIRED);
    var suspended =
        active.changed(ExporterStanding.SUSPENDED, PROFILE, "t2", List.of("audit"), List.of());
    assertThat(suspended.statusAt(after)).isEqualTo("SUSPENDED");
    var overdue = active.changed(ExporterStanding.ACTIVE, PROFILE, "t2", List.of(), List.of("E"));
    assertThat(overdue.statusAt(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("DELINQUENT");
  }

  @Test
  void anApplicationLacksTheLicenceAndCertificateUntilBothAreAnchored() {
    var application =
        new LicenceApplication(
            "APP-1",
            "EXPORTER-7",
            ApplicationKind.REGISTRATION,
            ApplicationStatus.SUBMITTED,
            PROFILE,
            null,
            null,
            null,
            null);
    assertThat(application.missingDocuments())
        .containsExactly(DocumentType.EXPORT_LICENCE, DocumentType.COMPETENCE_CERTIFICATE);
    var licence =
        new ApplicationDocument(DocumentType.EXPORT_LICENCE, 1, "cid", "sha", 1, "tx", "t");
    var withLicence = application.withDocument(licence);
    assertThat(withLicence.missingDocuments()).containsExactly(DocumentType.COMPETENCE_CERTIFICATE);
    assertThat(withLicence.nextVersion(DocumentType.EXPORT_LICENCE)).isEqualTo(2);
    assertThat(application.documents()).as("an application is never changed in place").isEmpty();
  }
}
