package et.coffeeexport.identity.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.Role;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A user's Fabric identity as the wallet holds it: which organisation's CA issued it, under which
 * enrollment id, the certificate, and (decrypted only in memory) the private key.
 */
public record StoredIdentity(
    String userId,
    String username,
    String org,
    String mspId,
    String enrollmentId,
    String role,
    String certificatePem,
    PrivateKey privateKey,
    boolean active)
    implements Signatory {
  /** Where Fabric CA puts an enrolment certificate's attributes (JSON). */
  static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The identity that transactions carry as creator. */
  @Override
  public Identity identity() {
    try {
      return new X509Identity(
          mspId, Identities.readX509Certificate(new StringReader(certificatePem)));
    } catch (java.io.IOException | CertificateException e) {
      throw new IllegalStateException("the wallet holds no valid certificate for " + userId, e);
    }
  }

  @Override
  public Signer signer() {
    return Signers.newPrivateKeySigner(privateKey);
  }

  /**
   * The attributes Fabric CA wrote into the certificate (extension {@value #ATTRIBUTES_OID}):
   * {@code role}, {@code uid}, {@code exporterId} and the CA's own {@code hf.*}. What the chaincode
   * reads, so what must agree with the directory.
   */
  public Map<String, String> certificateAttributes() {
    try {
      X509Certificate cert = Identities.readX509Certificate(new StringReader(certificatePem));
      byte[] extension = cert.getExtensionValue(ATTRIBUTES_OID);
      if (extension == null) {
        return Map.of();
      }
      JsonNode attrs = JSON.readTree(octets(extension)).path("attrs");
      Map<String, String> out = new LinkedHashMap<>();
      attrs.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return out;
    } catch (java.io.IOException | CertificateException e) {
      throw new IllegalStateException("the wallet holds no valid certificate for " + userId, e);
    }
  }

  /** The content of a DER OCTET STRING (what {@code getExtensionValue} returns). */
  private static byte[] octets(byte[] der) {
    int length = der[1] & 0xff;
    int offset = 2;
    if (length > 0x80) {
      int bytes = length - 0x80;
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[2 + i] & 0xff);
      }
      offset += bytes;
    }
    return Arrays.copyOfRange(der, offset, offset + length);
  }

  /** The role the certificate carries, in the domain's vocabulary (null when none). */
  public Role ledgerRole() {
    return Role.fromAttribute(role);
  }

  @Override
  public String toString() {
    return "StoredIdentity[" + enrollmentId + "@" + mspId + ", " + role + "]";
  }
}
