package et.coffeeexport.identity.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

class CaTokenTest {
  private static final String CERT =
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  @Test
  void signsMethodUriBodyAndCertificateAsFabricCaVerifiesThem() throws Exception {
    KeyPair keys = CertificateSigningRequest.newKeyPair();
    byte[] body = "{\"id\":\"ecx.officer\"}".getBytes(StandardCharsets.UTF_8);
    String token = CaToken.of(CERT, keys.getPrivate(), "POST", "/api/v1/register", body);

    String[] parts = token.split("\\.");
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(parts[0]).isEqualTo(b64.encodeToString(CERT.getBytes(StandardCharsets.UTF_8)));
    String payload =
        "POST."
            + b64.encodeToString("/api/v1/register".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(body)
            + "."
            + parts[0];
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(keys.getPublic());
    verifier.update(payload.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getDecoder().decode(parts[1]))).isTrue();
  }

  @Test
  void everySignatureIsLowS() {
    KeyPair keys = CertificateSigningRequest.newKeyPair();
    BigInteger half = ((ECPrivateKey) keys.getPrivate()).getParams().getOrder().shiftRight(1);
    for (int i = 0; i < 64; i++) {
      ASN1Sequence rs = ASN1Sequence.getInstance(CaToken.sign(keys.getPrivate(), "payload " + i));
      BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
      assertThat(s).isLessThanOrEqualTo(half);
    }
  }

  @Test
  void theCertificateRequestNamesTheEnrollmentIdAndIsSignedByItsKey() throws Exception {
    KeyPair keys = CertificateSigningRequest.newKeyPair();
    String pem = CertificateSigningRequest.pem("ecx.officer-1a2b3c4d", keys);
    try (var parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
      var csr = (org.bouncycastle.pkcs.PKCS10CertificationRequest) parser.readObject();
      assertThat(csr.getSubject().toString()).isEqualTo("CN=ecx.officer-1a2b3c4d");
      assertThat(
              csr.isSignatureValid(
                  new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                      .build(keys.getPublic())))
          .isTrue();
    }
  }
}
