package et.coffeeexport.connectors.fabric;

import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;

/** Who signs a transaction: a person's identity from their organisation's CA and its key. */
public interface Signatory {
  Identity identity();

  Signer signer();

  /** The signatory from enrolled credentials on disk (organisation admins, test people). */
  static Signatory of(Credentials credentials) {
    Identity identity = credentials.identity();
    Signer signer = credentials.signer();
    return new Signatory() {
      @Override
      public Identity identity() {
        return identity;
      }

      @Override
      public Signer signer() {
        return signer;
      }
    };
  }
}
