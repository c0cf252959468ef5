package et.coffeeexport.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * What the wallet reads from a certificate Fabric CA issued, and when it finds that Keycloak has
 * changed what the certificate says: the organisation (whose CA issued it), the role, the Keycloak
 * id or the exporter id.
 */
class CertificateAttributesTest {
  private static final String UID = "0f8fad5b-d9cb-469f-a165-70867728950e";

  @Test
  void readsTheAttributesFabricCaWroteIntoTheCertificate() throws Exception {
    StoredIdentity identity = identity("ecx", "officer", null);
    assertThat(identity.certificateAttributes())
        .containsEntry("role", "officer")
        .containsEntry("uid", UID)
        .containsEntry("hf.EnrollmentID", "ecx.officer-0f8fad5b")
        .doesNotContainKey("exporterId");
    assertThat(identity("commercialbank", "exporter", "EXP-7").certificateAttributes())
        .containsEntry("exporterId", "EXP-7");
    // Attributes longer than 127 bytes take a long-form DER length.
    assertThat(identity("ecx", "officer", "E".repeat(300)).certificateAttributes())
        .containsEntry("exporterId", "E".repeat(300));
  }

  @Test
  void anAccountAsTheCertificateHasItMatches() throws Exception {
    assertThat(attributes("ecx", "officer", null).matches(identity("ecx", "officer", null)))
        .isTrue();
    assertThat(
            attributes("exporters", "exporter", "EXP-7")
                .matches(identity("commercialbank", "exporter", "EXP-7")))
        .isTrue();
  }

  @Test
  void aChangedRoleOrganisationOrExporterIdDoesNot() throws Exception {
    StoredIdentity officer = identity("ecx", "officer", null);
    assertThat(attributes("ecx", "supervisor", null).matches(officer)).as("role").isFalse();
    assertThat(attributes("ecta", "officer", null).matches(officer)).as("organisation").isFalse();
    assertThat(attributes("process-analysts", "officer", null).matches(officer))
        .as("no organisation")
        .isFalse();
    assertThat(attributes("ecx", "officer", "EXP-1").matches(officer))
        .as("an exporter id given")
        .isFalse();
    StoredIdentity exporter = identity("commercialbank", "exporter", "EXP-7");
    assertThat(attributes("exporters", "exporter", "EXP-8").matches(exporter))
        .as("exporter id")
        .isFalse();
    assertThat(attributes("exporters", "exporter", null).matches(exporter))
        .as("exporter id taken away")
        .isFalse();
  }

  private static LedgerIdentities.Attributes attributes(
      String group, String role, String exporterId) {
    return LedgerIdentities.Attributes.of(
        new UserAccount(UID, "someone", true, group, role, Optional.ofNullable(exporterId)));
  }

  /**
   * A certificate as Fabric CA 1.5 issues it: attributes as JSON in extension 1.2.3.4.5.6.7.8.1.
   */
  private static StoredIdentity identity(String org, String role, String exporterId)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    String attrs =
        "{\"attrs\":{\"hf.Affiliation\":\"users\",\"hf.EnrollmentID\":\"ecx.officer-0f8fad5b\","
            + "\"hf.Type\":\"client\",\"role\":\""
            + role
            + "\",\"uid\":\""
            + UID
            + "\""
            + (exporterId == null ? "" : ",\"exporterId\":\"" + exporterId + "\"")
            + "}}";
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=ca." + org),
            BigInteger.ONE,
            new Date(),
            new Date(System.currentTimeMillis() + 3_600_000),
            new X500Name("CN=someone,OU=client"),
            keys.getPublic());
    builder.addExtension(
        new ASN1ObjectIdentifier(StoredIdentity.ATTRIBUTES_OID),
        false,
        attrs.getBytes(StandardCharsets.UTF_8));
    var holder =
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(holder);
    }
    return new StoredIdentity(
        UID,
        "someone",
        org,
        "X",
        "ecx.officer-0f8fad5b",
        role,
        pem.toString(),
        keys.getPrivate(),
        true);
  }
}
