package et.coffeeexport.domain;

/**
 * Who signed a registry decision, as their certificate says, and when (the transaction's time).
 *
 * @param certificateId the signer's certificate id ({@code x509::subject::issuer})
 * @param userId the signer's Keycloak user id (certificate attribute {@code uid}), when present
 */
public record LedgerSignature(
    String organisation,
    String certificateId,
    String enrollmentId,
    String userId,
    String txId,
    String at) {}
