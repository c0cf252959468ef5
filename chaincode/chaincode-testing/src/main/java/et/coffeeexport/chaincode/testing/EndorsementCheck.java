package et.coffeeexport.chaincode.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Evaluates a signature policy envelope the way a Fabric peer's validator does ({@code
 * common/cauthdsl}): each endorsement satisfies at most one principal, and an N-out-of rule keeps
 * the endorsements its satisfied branches used. An endorsing organisation here contributes one
 * peer's endorsement; tests ask whether a set of organisations could have validated a write.
 */
public final class EndorsementCheck {
  private EndorsementCheck() {}

  /** Whether peers of {@code endorsingMsps} (one each) satisfy {@code policy}. */
  public static boolean satisfied(byte[] policy, Set<String> endorsingMsps) {
    try {
      SignaturePolicyEnvelope envelope = SignaturePolicyEnvelope.parseFrom(policy);
      List<String> principals = new ArrayList<>();
      for (MSPPrincipal p : envelope.getIdentitiesList()) {
        MSPRole role = MSPRole.parseFrom(p.getPrincipal());
        // A peer endorses: it satisfies PEER and MEMBER principals of its own MSP.
        boolean peerCounts =
            role.getRole() == MSPRole.MSPRoleType.PEER
                || role.getRole() == MSPRole.MSPRoleType.MEMBER;
        principals.add(peerCounts ? role.getMspIdentifier() : "");
      }
      List<String> endorsers = List.copyOf(endorsingMsps);
      return evaluate(envelope.getRule(), principals, endorsers, new boolean[endorsers.size()]);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a signature policy envelope", e);
    }
  }

  /** The chaincode-level policy {@code OutOf(n, 'A.peer', 'B.peer', ...)} as an envelope. */
  public static byte[] outOf(int n, List<String> msps) {
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder();
    SignaturePolicy.NOutOf.Builder rule = SignaturePolicy.NOutOf.newBuilder().setN(n);
    for (int i = 0; i < msps.size(); i++) {
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
              .setPrincipal(
                  MSPRole.newBuilder()
                      .setMspIdentifier(msps.get(i))
                      .setRole(MSPRole.MSPRoleType.PEER)
                      .build()
                      .toByteString()));
      rule.addRules(SignaturePolicy.newBuilder().setSignedBy(i));
    }
    return envelope.setRule(SignaturePolicy.newBuilder().setNOutOf(rule)).build().toByteArray();
  }

  private static boolean evaluate(
      SignaturePolicy rule, List<String> principals, List<String> endorsers, boolean[] used) {
    if (rule.hasSignedBy()) {
      String wanted = principals.get(rule.getSignedBy());
      for (int i = 0; i < endorsers.size(); i++) {
        if (!used[i] && endorsers.get(i).equals(wanted)) {
          used[i] = true;
          return true;
        }
      }
      return false;
    }
    int verified = 0;
    boolean[] trial = new boolean[used.length];
    for (SignaturePolicy branch : rule.getNOutOf().getRulesList()) {
      System.arraycopy(used, 0, trial, 0, used.length);
      if (evaluate(branch, principals, endorsers, trial)) {
        verified++;
        System.arraycopy(trial, 0, used, 0, used.length);
      }
    }
    return verified >= rule.getNOutOf().getN();
  }
}
