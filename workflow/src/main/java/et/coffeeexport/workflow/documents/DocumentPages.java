package et.coffeeexport.workflow.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF document's pages as PNG images, so the task form shows it inline: Tasklist's page is
 * sandboxed by its Content-Security-Policy, and Chromium displays no PDF in a sandboxed frame,
 * while an image shows anywhere. The content is the exporter's upload: only the first {@value
 * #MAX_PAGES} pages are shown, none wider than {@value #MAX_WIDTH} pixels.
 */
final class DocumentPages {
  static final String PDF = "application/pdf";
  static final int MAX_PAGES = 30;
  static final int MAX_WIDTH = 1400;
  private static final float DPI = 110;

  private DocumentPages() {}

  /** How many pages can be shown; empty when the content is no PDF anyone can read. */
  static OptionalInt count(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return OptionalInt.of(Math.min(document.getNumberOfPages(), MAX_PAGES));
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Page {@code page} (from 1) as a PNG.
   *
   * @throws IllegalArgumentException when there is no such page to show
   * @throws IOException when the content cannot be read as a PDF
   */
  static byte[] png(byte[] pdf, int page) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (page < 1 || page > Math.min(document.getNumberOfPages(), MAX_PAGES)) {
        throw new IllegalArgumentException("there is no page " + page + " to show");
      }
      PDRectangle box = document.getPage(page - 1).getMediaBox();
      float scale = Math.min(DPI / 72f, MAX_WIDTH / Math.max(box.getWidth(), 1f));
      BufferedImage image = new PDFRenderer(document).renderImage(page - 1, scale, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    }
  }
}
