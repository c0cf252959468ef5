package et.coffeeexport.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** A PDF's pages as the images the task form shows inline, within their bounds. */
class DocumentPagesTest {

  @Test
  void aPdfsPagesBecomeBoundedImages() throws IOException {
    byte[] pdf = pdf(3, PDRectangle.A4);
    assertThat(DocumentPages.count(pdf)).hasValue(3);
    var image = ImageIO.read(new ByteArrayInputStream(DocumentPages.png(pdf, 2)));
    assertThat(image.getWidth()).isBetween(300, DocumentPages.MAX_WIDTH);
    assertThat(image.getHeight()).isGreaterThan(image.getWidth());
    assertThatThrownBy(() -> DocumentPages.png(pdf, 4)).hasMessageContaining("no page 4");
    assertThatThrownBy(() -> DocumentPages.png(pdf, 0)).hasMessageContaining("no page 0");
  }

  @Test
  void aHugePageIsShownNoWiderThanTheLimit() throws IOException {
    byte[] pdf = pdf(1, new PDRectangle(14_400, 14_400));
    var image = ImageIO.read(new ByteArrayInputStream(DocumentPages.png(pdf, 1)));
    assertThat(image.getWidth()).isLessThanOrEqualTo(DocumentPages.MAX_WIDTH);
  }

  @Test
  void contentThatIsNoReadablePdfHasNoPages() {
    byte[] notReally = "%PDF-1.7\nSALES_CONTRACT of X\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    assertThat(DocumentPages.count(notReally)).isEmpty();
    assertThatThrownBy(() -> DocumentPages.png(notReally, 1)).isInstanceOf(IOException.class);
  }

  private static byte[] pdf(int pages, PDRectangle size) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (var text = new PDPageContentStream(document, page)) {
          text.beginText();
          text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
          text.newLineAtOffset(72, 720);
          text.showText("Bill of lading, page " + i);
          text.endText();
        }
      }
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
