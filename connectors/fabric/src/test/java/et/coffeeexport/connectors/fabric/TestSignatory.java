package et.coffeeexport.connectors.fabric;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A signatory that really signs: a fresh EC P-256 key and a self-signed certificate, for an MSP
 * that is a member organisation (so {@link Signatory#organisation()} resolves).
 */
final class TestSignatory implements Signatory {
  private final Identity identity;
  private final Signer signer;

  private TestSignatory(Identity identity, Signer signer) {
    this.identity = identity;
    this.signer = signer;
  }

  static TestSignatory of(String mspId, String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + commonName + ",O=" + mspId);
      Instant now = Instant.now();
      var holder =
          new JcaX509v3CertificateBuilder(
                  name,
                  BigInteger.valueOf(now.toEpochMilli()),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(1))),
                  name,
                  keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
      return new TestSignatory(
          new X509Identity(mspId, cert), Signers.newPrivateKeySigner(keys.getPrivate()));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make a test identity", e);
    }
  }

  /** The same certificate, signing with another key: an impostor the gateway must turn away. */
  TestSignatory impostor() {
    return new TestSignatory(identity, of(identity.getMspId(), "impostor").signer);
  }

  @Override
  public Identity identity() {
    return identity;
  }

  @Override
  public Signer signer() {
    return signer;
  }
}
