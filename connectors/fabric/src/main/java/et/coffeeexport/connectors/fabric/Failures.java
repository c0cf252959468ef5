package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.RefusalCode;
import io.grpc.Status;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;

/**
 * Tells a business refusal (a chaincode error code in a peer's answer) from a technical failure
 * worth retrying (a peer or orderer not reachable, a deadline passed).
 */
final class Failures {
  /** The chaincode's message is "CODE: detail"; peers wrap it in "chaincode response 500, ...". */
  private static final Pattern CHAINCODE_CODE =
      Pattern.compile("chaincode response \\d+, ([A-Z][A-Z_]+): (.*)", Pattern.DOTALL);

  private Failures() {}

  /** The chaincode's refusal inside a gateway error, if there is one. */
  static Optional<LedgerRefusal> refusal(GatewayException e) {
    for (var detail : e.getDetails()) {
      Optional<LedgerRefusal> r = refusal(detail.getMessage());
      if (r.isPresent()) {
        return r;
      }
    }
    return refusal(e.getMessage());
  }

  static Optional<LedgerRefusal> refusal(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = CHAINCODE_CODE.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new LedgerRefusal(RefusalCode.of(m.group(1)), m.group(2).trim()));
  }

  /** Whether the failure says nothing about the transaction itself: try again, maybe elsewhere. */
  static boolean transientFailure(GatewayException e) {
    return (transientFailure(e.getStatus().getCode()) || discoveryWarmingUp(e.getStatus()))
        && refusal(e).isEmpty();
  }

  /**
   * A peer just restarted does not yet know the others (gossip and discovery take seconds), so it
   * finds no peers to satisfy the endorsement policy: worth trying again, within the budget.
   */
  static boolean discoveryWarmingUp(Status status) {
    return status.getCode() == Status.Code.FAILED_PRECONDITION
        && status.getDescription() != null
        && status.getDescription().contains("no combination of peers can be derived");
  }

  static boolean transientFailure(GatewayRuntimeException e) {
    return transientFailure(e.getStatus().getCode()) || discoveryWarmingUp(e.getStatus());
  }

  static boolean transientFailure(Status.Code code) {
    return switch (code) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED, UNKNOWN -> true;
      default -> false;
    };
  }
}
