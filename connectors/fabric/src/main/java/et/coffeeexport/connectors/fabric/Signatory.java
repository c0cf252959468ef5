package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.Organisation;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Who signs a transaction: a person's (or the platform's) identity from their organisation's CA,
 * and its key. The organisation is the certificate's MSP, and a call goes through that
 * organisation's own peers.
 */
public interface Signatory {
  Identity identity();

  Signer signer();

  /**
   * The connector's last call before a transaction is sent for ordering (and before a query's
   * answer is returned): a signatory whose right to sign is still being confirmed (its holder's
   * directory entry, read while the peers endorse) throws here, and nothing reaches the ledger.
   */
  default void confirm() {}

  /** The member organisation whose CA issued the identity. */
  default Organisation organisation() {
    String msp = identity().getMspId();
    return Organisation.ofMspId(msp)
        .orElseThrow(() -> new IllegalStateException(msp + " is no member organisation"));
  }

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
