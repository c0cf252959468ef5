package et.coffeeexport.chaincode.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A caller as a peer sees it: an MSP id and an X.509 certificate with the NodeOU and the attributes
 * Fabric CA puts in enrollment certificates (extension 1.2.3.4.5.6.7.8.1, a JSON object {@code
 * {"attrs":{...}}}).
 */
public final class TestIdentity {
  private static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";
  private static final AtomicLong SERIAL = new AtomicLong(1);
  private static final KeyPair ISSUER = keyPair();

  private final String mspId;
  private final String enrollmentId;
  private final byte[] serialized;

  private TestIdentity(
      String mspId, String ou, String enrollmentId, Map<String, String> attributes) {
    this.mspId = mspId;
    this.enrollmentId = enrollmentId;
    Map<String, String> attrs = new TreeMap<>(attributes);
    attrs.put("hf.EnrollmentID", enrollmentId);
    attrs.put("hf.Type", ou);
    this.serialized =
        SerializedIdentity.newBuilder()
            .setMspid(mspId)
            .setIdBytes(
                com.google.protobuf.ByteString.copyFrom(
                    certificatePem(ou, enrollmentId, attrs), StandardCharsets.UTF_8))
            .build()
            .toByteArray();
  }

  /** An officer, supervisor or exporter: a client identity with a {@code role} attribute. */
  public static TestIdentity person(
      String mspId, String role, String enrollmentId, Map<String, String> more) {
    Map<String, String> attrs = new TreeMap<>(more);
    attrs.put("role", role);
    attrs.put("uid", "kc-" + enrollmentId);
    return new TestIdentity(mspId, "client", enrollmentId, attrs);
  }

  public static TestIdentity person(String mspId, String role, String enrollmentId) {
    return person(mspId, role, enrollmentId, Map.of());
  }

  /** An organisation's administrator (NodeOU {@code admin}), without a role attribute. */
  public static TestIdentity admin(String mspId) {
    return new TestIdentity(mspId, "admin", mspId.toLowerCase() + "-admin", Map.of());
  }

  public String mspId() {
    return mspId;
  }

  public String enrollmentId() {
    return enrollmentId;
  }

  byte[] serialized() {
    return serialized;
  }

  private static String certificatePem(String ou, String cn, Map<String, String> attrs) {
    try {
      KeyPair subjectKeys = keyPair();
      X500Name issuer = new X500Name("CN=ca.test,O=Test");
      X500Name subject = new X500Name("CN=" + cn + ",OU=" + ou + ",O=Test");
      String json =
          attrs.entrySet().stream()
              .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
              .collect(Collectors.joining(",", "{\"attrs\":{", "}}"));
      var builder =
          new JcaX509v3CertificateBuilder(
                  issuer,
                  BigInteger.valueOf(SERIAL.getAndIncrement()),
                  new Date(0),
                  new Date(4102444800000L),
                  subject,
                  subjectKeys.getPublic())
              .addExtension(
                  new ASN1ObjectIdentifier(ATTRIBUTES_OID),
                  false,
                  json.getBytes(StandardCharsets.UTF_8));
      var cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(ISSUER.getPrivate())));
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(cert);
      }
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
