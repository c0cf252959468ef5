package et.coffeeexport.domain;

/**
 * A document of a licence application as the ledger anchored it: the IPFS CID of the encrypted
 * object and the SHA-256 of the plaintext. Versions are added, never overwritten.
 */
public record ApplicationDocument(
    DocumentType type,
    int version,
    String cid,
    String sha256,
    long sizeBytes,
    String txId,
    String at) {}
