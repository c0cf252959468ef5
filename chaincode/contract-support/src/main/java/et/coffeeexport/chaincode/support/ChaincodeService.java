package et.coffeeexport.chaincode.support;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the contracts on the class path as a chaincode service, as the shim's own router does, and
 * in addition requires the peer to present a TLS client certificate from the certificate authority
 * in {@code CHAINCODE_TLS_CLIENT_ROOTCERT_FILE}: the shim's server asks for client certificates
 * only when given a trust collection, which its environment options cannot set. With TLS on, only
 * the organisation's own peers can drive its chaincode server.
 */
public final class ChaincodeService {
  static final String CLIENT_ROOT_CERT = "CHAINCODE_TLS_CLIENT_ROOTCERT_FILE";

  private ChaincodeService() {}

  /** Starts serving; returns when the server stops. */
  public static void main(String[] args) throws Exception {
    ContractRouter router = new ContractRouter(args);
    ChaincodeServerProperties server = router.getChaincodeServerConfig();
    String clientRoot = System.getenv(CLIENT_ROOT_CERT);
    if (server.isTlsEnabled()) {
      if (clientRoot == null || clientRoot.isBlank()) {
        throw new IllegalStateException(
            "TLS is on but " + CLIENT_ROOT_CERT + " names no CA: peers would not be authenticated");
      }
      server.setTrustCertCollectionFile(clientRoot);
    }
    router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, server));
  }
}
