package et.coffeeexport.chaincode.support;

import et.coffeeexport.domain.Organisation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Key-level (state-based) endorsement policies. The shim's own builder only makes AND policies; the
 * lifecycle needs "any peer of these organisations", so this builds N-of-M envelopes directly.
 */
public final class EndorsementPolicies {
  private EndorsementPolicies() {}

  /**
   * A peer of any one of {@code organisations} must endorse. Organisations are sorted: same set,
   * same bytes.
   */
  public static byte[] anyPeerOf(Collection<Organisation> organisations) {
    return nOutOf(1, organisations);
  }

  /** A peer of every one of {@code organisations} must endorse. */
  public static byte[] allPeersOf(Collection<Organisation> organisations) {
    return nOutOf(organisations.size(), organisations);
  }

  private static byte[] nOutOf(int n, Collection<Organisation> organisations) {
    if (organisations.isEmpty()) {
      throw new IllegalArgumentException("a policy needs at least one organisation");
    }
    List<Organisation> sorted = organisations.stream().sorted().toList();
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder().setVersion(0);
    List<SignaturePolicy> rules = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      MSPRole peer =
          MSPRole.newBuilder()
              .setMspIdentifier(Msp.of(sorted.get(i)))
              .setRole(MSPRole.MSPRoleType.PEER)
              .build();
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
              .setPrincipal(peer.toByteString())
              .build());
      rules.add(SignaturePolicy.newBuilder().setSignedBy(i).build());
    }
    envelope.setRule(
        SignaturePolicy.newBuilder()
            .setNOutOf(SignaturePolicy.NOutOf.newBuilder().setN(n).addAllRules(rules))
            .build());
    return envelope.build().toByteArray();
  }
}
