package et.coffeeexport.identity.wallet;

import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.Role;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
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

  /** The role the certificate carries, in the domain's vocabulary (null when none). */
  public Role ledgerRole() {
    return Role.fromAttribute(role);
  }

  @Override
  public String toString() {
    return "StoredIdentity[" + enrollmentId + "@" + mspId + ", " + role + "]";
  }
}
