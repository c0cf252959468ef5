package et.coffeeexport.connectors.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentRulesTest {
  private final DocumentRules rules = new DocumentRules(64);
  private static final byte[] PDF = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);

  @Test
  void acceptsAPdfWithinTheLimit() {
    assertThatCode(() -> rules.check(PDF, "application/pdf")).doesNotThrowAnyException();
    assertThat(DocumentRules.contentTypeOf(PDF)).isEqualTo("application/pdf");
  }

  @Test
  void refusesEmptyOversizedUnlistedAndMislabelledContent() {
    assertThatThrownBy(() -> rules.check(new byte[0], "application/pdf"))
        .isInstanceOf(DocumentRejected.class)
        .hasMessageContaining("empty");
    byte[] big = new byte[65];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    assertThatThrownBy(() -> rules.check(big, "application/pdf"))
        .isInstanceOf(DocumentRejected.class)
        .hasMessageContaining("at most 64");
    assertThatThrownBy(() -> rules.check(PDF, "text/html"))
        .isInstanceOf(DocumentRejected.class)
        .hasMessageContaining("not accepted");
    assertThatThrownBy(() -> rules.check(PDF, "image/png"))
        .isInstanceOf(DocumentRejected.class)
        .hasMessageContaining("is not image/png");
  }
}
