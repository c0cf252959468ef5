package et.coffeeexport.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an uploader states about a document when anchoring it: its type, the CID of its encrypted
 * object in IPFS, the SHA-256 of its plaintext and its size. One check for every anchor the ledger
 * takes, an export's or a licence application's.
 */
public record DocumentStatement(DocumentType type, String cid, String sha256, long sizeBytes) {
  /** The ledger's limit on one document. */
  public static final long MAX_BYTES = 50L * 1024 * 1024;

  private static final Pattern CID = Pattern.compile("[a-z2-7]{20,100}|Qm[1-9A-HJ-NP-Za-km-z]{44}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** What is wrong with the statement; empty when it may be anchored. */
  public List<String> violations() {
    Violations v = new Violations();
    v.check(type != null, "type must be a document type");
    v.check(
        cid != null && CID.matcher(cid).matches(),
        "cid must be an IPFS CID (base32 v1 or base58 v0)");
    v.check(
        sha256 != null && SHA256.matcher(sha256).matches(),
        "sha256 must be 64 lower-case hex digits");
    v.check(sizeBytes > 0 && sizeBytes <= MAX_BYTES, "sizeBytes must be 1 byte to 50 MiB");
    return v.list();
  }
}
