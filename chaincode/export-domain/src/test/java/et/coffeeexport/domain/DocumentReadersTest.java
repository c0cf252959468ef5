package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** DOMAIN.md's "Who may read a document", row by row. */
class DocumentReadersTest {

  private static Set<Organisation> readersOf(DocumentType type) {
    return Arrays.stream(Organisation.values())
        .filter(type::readableBy)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Organisation.class)));
  }

  @Test
  void contractPaymentAndInvoiceAreForThePrivateCollectionsMembers() {
    for (DocumentType t :
        EnumSet.of(
            DocumentType.SALES_CONTRACT,
            DocumentType.LC_ADVICE,
            DocumentType.ADVANCE_PAYMENT_ADVICE,
            DocumentType.CAD_INSTRUCTION,
            DocumentType.COMMERCIAL_INVOICE)) {
      assertThat(readersOf(t))
          .as("%s", t)
          .containsExactlyInAnyOrder(
              Organisation.COMMERCIAL_BANK, Organisation.NATIONAL_BANK, Organisation.ECTA);
    }
  }

  @Test
  void qualityDocumentsAreNotForTheBanksCommercialSideOrShipping() {
    assertThat(readersOf(DocumentType.WAREHOUSE_RECEIPT))
        .containsExactlyInAnyOrder(
            Organisation.ECTA,
            Organisation.ECX,
            Organisation.NATIONAL_BANK,
            Organisation.CUSTOM_AUTHORITIES);
    assertThat(readersOf(DocumentType.QUALITY_CERTIFICATE))
        .isEqualTo(readersOf(DocumentType.WAREHOUSE_RECEIPT));
  }

  @Test
  void clearanceDocumentsAreForEveryStageFromCustomsOnPlusEctaAndNationalBank() {
    for (DocumentType t :
        EnumSet.of(
            DocumentType.EXPORT_PERMIT,
            DocumentType.EXPORT_DECLARATION,
            DocumentType.PHYTOSANITARY_CERTIFICATE,
            DocumentType.ICO_CERTIFICATE_OF_ORIGIN,
            DocumentType.PACKING_LIST)) {
      assertThat(readersOf(t)).as("%s", t).doesNotContain(Organisation.ECX).hasSize(5);
    }
  }

  @Test
  void transportAndProceeds() {
    assertThat(readersOf(DocumentType.BILL_OF_LADING))
        .containsExactlyInAnyOrder(
            Organisation.SHIPPING_LINE,
            Organisation.CUSTOM_AUTHORITIES,
            Organisation.COMMERCIAL_BANK,
            Organisation.NATIONAL_BANK);
    assertThat(readersOf(DocumentType.REPATRIATION_ADVICE))
        .containsExactlyInAnyOrder(Organisation.COMMERCIAL_BANK, Organisation.NATIONAL_BANK);
  }

  @Test
  void anExportersLicenceAndCertificateAreForEctaAndNationalBankAndNeverAnExports() {
    for (DocumentType t :
        EnumSet.of(DocumentType.EXPORT_LICENCE, DocumentType.COMPETENCE_CERTIFICATE)) {
      assertThat(readersOf(t))
          .as("%s", t)
          .containsExactlyInAnyOrder(Organisation.ECTA, Organisation.NATIONAL_BANK);
      assertThat(t.ofLicenceApplications()).isTrue();
      assertThat(t.issuer()).as("the exporter provides it").isNull();
    }
    assertThat(DocumentType.ofExports())
        .hasSize(DocumentType.values().length - 2)
        .noneMatch(DocumentType::ofLicenceApplications)
        .contains(DocumentType.SALES_CONTRACT, DocumentType.REPATRIATION_ADVICE);
  }

  @Test
  void whoeverIssuesADocumentMayReadIt() {
    for (DocumentType t : DocumentType.values()) {
      if (t.issuer() != null) {
        assertThat(t.readableBy(t.issuer())).as("%s", t).isTrue();
      }
    }
  }
}
