package et.coffeeexport.domain;

/**
 * A document's anchor on the ledger: its IPFS CID and the SHA-256 of its plaintext, with who
 * anchored it, when, at which stage. Versions are new entries; an anchor is never overwritten.
 */
public record DocumentAnchor(
    String exportId,
    DocumentType type,
    int version,
    String cid,
    String sha256,
    long sizeBytes,
    Stage stage,
    String uploaderMsp,
    String uploadedBy,
    String txId,
    String at) {}
