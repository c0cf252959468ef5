package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

/** The attributes Fabric CA wrote into an enrolment certificate (extension 1.2.3.4.5.6.7.8.1). */
final class CertificateAttributes {
  private static final String OID = "1.2.3.4.5.6.7.8.1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CertificateAttributes() {}

  static Map<String, String> of(String pem) {
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      byte[] value = cert.getExtensionValue(OID);
      Map<String, String> attributes = new HashMap<>();
      if (value == null) {
        return attributes;
      }
      // An OCTET STRING wrapping the JSON; the JSON starts at the first '{'.
      String text = new String(value, StandardCharsets.UTF_8);
      JSON.readTree(text.substring(text.indexOf('{')))
          .path("attrs")
          .fields()
          .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
      return attributes;
    } catch (Exception e) {
      throw new IllegalStateException(
          "the wallet holds a certificate without readable attributes", e);
    }
  }
}
