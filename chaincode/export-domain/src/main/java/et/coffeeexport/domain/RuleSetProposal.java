package et.coffeeexport.domain;

/**
 * A rule set ECTA proposed, as the ledger holds it until National Bank co-signs it, with the
 * SHA-256 (hex) of its stored bytes. A co-signature names the version and this hash, so it signs
 * exactly the proposal its signer was shown: a proposal made again since (sent back and revised)
 * has another hash, and the co-signature is refused ({@link RefusalCode#PROPOSAL_CHANGED}).
 *
 * @param rules the proposed rule set, naming its proposer; not in force
 * @param hash SHA-256 of the proposal's stored bytes, lower-case hex
 */
public record RuleSetProposal(RuleSet rules, String hash) {}
