package et.coffeeexport.identity.enrolment;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The authorization header Fabric CA expects from an enrolled caller (fabric-ca {@code
 * util.GenECDSAToken}): the caller's certificate and an ECDSA signature over the method, the
 * request URI, the body and the certificate.
 */
final class CaToken {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private CaToken() {}

  static String of(String certificatePem, PrivateKey key, String method, String uri, byte[] body) {
    String b64cert = B64.encodeToString(certificatePem.getBytes(StandardCharsets.UTF_8));
    String payload =
        method
            + "."
            + B64.encodeToString(uri.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(body)
            + "."
            + b64cert;
    return b64cert + "." + B64.encodeToString(sign(key, payload));
  }

  /** Fabric's verifiers accept only low-S signatures, which Java's provider does not guarantee. */
  static byte[] sign(PrivateKey key, String payload) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(key);
      signature.update(payload.getBytes(StandardCharsets.UTF_8));
      ASN1Sequence rs = ASN1Sequence.getInstance(signature.sign());
      BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
      BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
      BigInteger n = ((ECPrivateKey) key).getParams().getOrder();
      if (s.compareTo(n.shiftRight(1)) > 0) {
        s = n.subtract(s);
      }
      return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot sign the Fabric CA token", e);
    }
  }
}
