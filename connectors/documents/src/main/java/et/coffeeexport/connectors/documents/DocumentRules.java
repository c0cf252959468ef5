package et.coffeeexport.connectors.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * What may be uploaded: PDF, PNG or JPEG, whose first bytes match the declared type, up to a
 * maximum size (configuration; the ledger accepts up to 50 MiB).
 */
public final class DocumentRules {
  private static final Map<String, byte[]> SIGNATURES =
      Map.of(
          "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
          "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
          "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

  private final long maxBytes;

  public DocumentRules(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The accepted type whose signature {@code content} starts with. */
  static String contentTypeOf(byte[] content) {
    return SIGNATURES.entrySet().stream()
        .filter(
            e ->
                content.length >= e.getValue().length
                    && Arrays.equals(Arrays.copyOf(content, e.getValue().length), e.getValue()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("application/octet-stream");
  }

  /**
   * @throws DocumentRejected with the reason, when the upload breaks a rule
   */
  void check(byte[] content, String contentType) {
    if (content.length == 0) {
      throw new DocumentRejected("the document is empty");
    }
    if (content.length > maxBytes) {
      throw new DocumentRejected(
          "the document has " + content.length + " bytes; at most " + maxBytes + " are accepted");
    }
    byte[] signature = SIGNATURES.get(contentType);
    if (signature == null) {
      throw new DocumentRejected(
          "content type " + contentType + " is not accepted; use one of " + SIGNATURES.keySet());
    }
    if (content.length < signature.length
        || !Arrays.equals(Arrays.copyOf(content, signature.length), signature)) {
      throw new DocumentRejected("the content is not " + contentType);
    }
  }
}
