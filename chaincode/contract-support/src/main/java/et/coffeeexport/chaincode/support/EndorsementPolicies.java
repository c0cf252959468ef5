package et.coffeeexport.chaincode.support;

import et.coffeeexport.domain.Organisation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Key-level (state-based) endorsement policies. The rule of the ledger is that no member alone can
 * write anything: every policy here names at least two organisations' peers, and the
 * chaincode-level policy that governs keys without one (new keys) asks for two organisations as
 * well. The shim's own builder only makes AND policies, so this builds N-of-M envelopes directly;
 * organisations are sorted, so the same policy always has the same bytes on every peer.
 */
public final class EndorsementPolicies {
  private EndorsementPolicies() {}

  /**
   * A peer of one of {@code entitled} and a peer of another member organisation, its witness. One
   * branch per entitled organisation, so that two peers of one organisation never satisfy it.
   */
  public static byte[] entitledWithWitness(Collection<Organisation> entitled) {
    if (entitled.isEmpty()) {
      throw new IllegalArgumentException("a policy needs at least one organisation");
    }
    List<Organisation> all = List.of(Organisation.values());
    List<SignaturePolicy> branches = new ArrayList<>();
    for (Organisation o : entitled.stream().sorted().toList()) {
      List<SignaturePolicy> witnesses = new ArrayList<>();
      for (Organisation w : all) {
        if (w != o) {
          witnesses.add(signedBy(all.indexOf(w)));
        }
      }
      branches.add(outOf(2, List.of(signedBy(all.indexOf(o)), outOf(1, witnesses))));
    }
    return envelope(all, outOf(1, branches));
  }

  /** A peer of every one of {@code organisations} (at least two) must endorse. */
  public static byte[] allPeersOf(Collection<Organisation> organisations) {
    if (organisations.size() < 2) {
      throw new IllegalArgumentException("no member alone may change a key");
    }
    List<Organisation> sorted = organisations.stream().sorted().toList();
    List<SignaturePolicy> rules = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      rules.add(signedBy(i));
    }
    return envelope(sorted, outOf(sorted.size(), rules));
  }

  /** Records nobody changes (decisions, document anchors, final exports): all six. */
  public static byte[] everyMember() {
    return allPeersOf(EnumSet.allOf(Organisation.class));
  }

  /**
   * An organisation's own peer alone. Only for the organisation's seal, whose content is a
   * transaction id and proves only that this organisation's peer endorsed.
   */
  public static byte[] ownPeer(Organisation organisation) {
    return envelope(List.of(organisation), outOf(1, List.of(signedBy(0))));
  }

  private static SignaturePolicy signedBy(int identity) {
    return SignaturePolicy.newBuilder().setSignedBy(identity).build();
  }

  private static SignaturePolicy outOf(int n, List<SignaturePolicy> rules) {
    return SignaturePolicy.newBuilder()
        .setNOutOf(SignaturePolicy.NOutOf.newBuilder().setN(n).addAllRules(rules))
        .build();
  }

  private static byte[] envelope(List<Organisation> identities, SignaturePolicy rule) {
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder().setVersion(0);
    for (Organisation o : identities) {
      MSPRole peer =
          MSPRole.newBuilder()
              .setMspIdentifier(Msp.of(o))
              .setRole(MSPRole.MSPRoleType.PEER)
              .build();
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
              .setPrincipal(peer.toByteString()));
    }
    return envelope.setRule(rule).build().toByteArray();
  }
}
