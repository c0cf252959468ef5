package et.coffeeexport.connectors.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * An enrolled member of an organisation: the signing certificate and key that make transactions its
 * own, and the TLS client certificate and key that let it connect (peers and orderers require
 * client authentication).
 */
public record Credentials(String mspId, Path cert, Path key, Path tlsCert, Path tlsKey) {

  /** The identity that signs proposals and transactions. */
  public Identity identity() {
    try (Reader reader = Files.newBufferedReader(cert)) {
      return new X509Identity(mspId, Identities.readX509Certificate(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalStateException("not an X.509 certificate: " + cert, e);
    }
  }

  /** Signs with the private key that belongs to {@link #identity()}. */
  public Signer signer() {
    try (Reader reader = Files.newBufferedReader(key)) {
      return Signers.newPrivateKeySigner(Identities.readPrivateKey(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("not a private key: " + key, e);
    }
  }
}
