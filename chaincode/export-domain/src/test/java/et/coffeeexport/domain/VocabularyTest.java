package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The small facts the rest of the lifecycle rests on: roles as certificates name them, who may
 * change an exporter's standing, who issues which document, who is responsible for which stage.
 */
class VocabularyTest {

  @Test
  void readsTheRoleAttributeOfACertificateWhateverItsCase() {
    assertThat(Role.fromAttribute("officer")).isEqualTo(Role.OFFICER);
    assertThat(Role.fromAttribute("Supervisor")).isEqualTo(Role.SUPERVISOR);
    assertThat(Role.fromAttribute("EXPORTER")).isEqualTo(Role.EXPORTER);
    assertThat(Role.fromAttribute("admin")).as("no such role").isNull();
    assertThat(Role.fromAttribute("")).isNull();
    assertThat(Role.fromAttribute(null)).isNull();
  }

  @Test
  void ectaLicensesAndNationalBankSetsDelinquencyAndABanIsFinal() {
    var ecta = Organisation.ECTA;
    var nbe = Organisation.NATIONAL_BANK;
    assertThat(ExporterStanding.ACTIVE.mayBecome(ExporterStanding.SUSPENDED, ecta)).isTrue();
    assertThat(ExporterStanding.ACTIVE.mayBecome(ExporterStanding.BANNED, ecta)).isTrue();
    assertThat(ExporterStanding.SUSPENDED.mayBecome(ExporterStanding.ACTIVE, ecta)).isTrue();
    assertThat(ExporterStanding.DELINQUENT.mayBecome(ExporterStanding.BANNED, ecta)).isTrue();
    assertThat(ExporterStanding.DELINQUENT.mayBecome(ExporterStanding.ACTIVE, ecta))
        .as("only National Bank clears a delinquency")
        .isFalse();
    assertThat(ExporterStanding.ACTIVE.mayBecome(ExporterStanding.DELINQUENT, nbe)).isTrue();
    assertThat(ExporterStanding.DELINQUENT.mayBecome(ExporterStanding.ACTIVE, nbe)).isTrue();
    assertThat(ExporterStanding.ACTIVE.mayBecome(ExporterStanding.SUSPENDED, nbe)).isFalse();
    assertThat(ExporterStanding.ACTIVE.mayBecome(ExporterStanding.DELINQUENT, ecta)).isFalse();
    for (ExporterStanding to : ExporterStanding.values()) {
      for (Organisation org : Organisation.values()) {
        assertThat(ExporterStanding.BANNED.mayBecome(to, org))
            .as("%s lifts a ban to %s", org, to)
            .isFalse();
      }
      assertThat(ExporterStanding.ACTIVE.mayBecome(to, Organisation.ECX))
          .as("ECX changes no standing")
          .isFalse();
    }
  }

  @Test
  void eachDocumentIsIssuedByTheExporterOrOneOrganisation() {
    assertThat(DocumentType.SALES_CONTRACT.issuer()).as("the exporter's").isNull();
    assertThat(DocumentType.QUALITY_CERTIFICATE.issuer()).isEqualTo(Organisation.ECX);
    assertThat(DocumentType.EXPORT_PERMIT.issuer()).isEqualTo(Organisation.NATIONAL_BANK);
    assertThat(DocumentType.BILL_OF_LADING.issuer()).isEqualTo(Organisation.SHIPPING_LINE);
  }

  @Test
  void eachStageIsOneOrganisationsAndOnlyReviewingStagesReturnOrReject() {
    assertThat(Stage.SUBMISSION.responsible()).isEqualTo(Organisation.COMMERCIAL_BANK);
    assertThat(Stage.COMPLIANCE.responsible()).isEqualTo(Organisation.ECTA);
    assertThat(Stage.QUALITY.responsible()).isEqualTo(Organisation.ECX);
    assertThat(Stage.FOREIGN_EXCHANGE.responsible()).isEqualTo(Organisation.NATIONAL_BANK);
    assertThat(Stage.CUSTOMS.responsible()).isEqualTo(Organisation.CUSTOM_AUTHORITIES);
    assertThat(Stage.SHIPPING.responsible()).isEqualTo(Organisation.SHIPPING_LINE);
    assertThat(Stage.BANK_INTAKE.isReviewing()).isTrue();
    assertThat(Stage.CUSTOMS.isReviewing()).isTrue();
    assertThat(Stage.SUBMISSION.isReviewing()).isFalse();
    assertThat(Stage.SHIPPING.isReviewing()).isFalse();
    assertThat(Stage.PROCEEDS.isReviewing()).isFalse();
  }
}
