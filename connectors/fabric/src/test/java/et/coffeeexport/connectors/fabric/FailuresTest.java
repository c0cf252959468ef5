package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.RefusalCode;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void readsTheChaincodesCodeFromAPeersMessage() {
    var refusal =
        Failures.refusal(
                "chaincode response 500, NOT_AUTHORISED: officer of ECX may not CLEAR_CUSTOMS an export that is FX_APPROVED")
            .orElseThrow();
    assertThat(refusal.code()).isEqualTo(RefusalCode.NOT_AUTHORISED);
    assertThat(refusal.getMessage())
        .isEqualTo(
            "NOT_AUTHORISED: officer of ECX may not CLEAR_CUSTOMS an export that is FX_APPROVED");
  }

  @Test
  void anUnknownCodeIsStillARefusalButNotATypedOne() {
    assertThat(Failures.refusal("chaincode response 500, SOMETHING_NEW: x").orElseThrow().code())
        .isEqualTo(RefusalCode.UNKNOWN);
    assertThat(Failures.refusal("connection refused")).isEmpty();
    assertThat(Failures.refusal((String) null)).isEmpty();
  }

  @Test
  void peersAndOrderersBeingAwayIsTransientButBadRequestsAreNot() {
    assertThat(Failures.transientFailure(Status.Code.UNAVAILABLE)).isTrue();
    assertThat(Failures.transientFailure(Status.Code.DEADLINE_EXCEEDED)).isTrue();
    assertThat(Failures.transientFailure(Status.Code.INVALID_ARGUMENT)).isFalse();
    assertThat(Failures.transientFailure(Status.Code.PERMISSION_DENIED)).isFalse();
    assertThat(Failures.transientFailure(Status.Code.NOT_FOUND)).isFalse();
  }

  @Test
  void aRestartedPeerThatDoesNotYetKnowTheOthersIsWorthRetrying() {
    assertThat(
            Failures.discoveryWarmingUp(
                Status.FAILED_PRECONDITION.withDescription(
                    "no combination of peers can be derived which satisfy the endorsement policy")))
        .isTrue();
    assertThat(Failures.discoveryWarmingUp(Status.FAILED_PRECONDITION.withDescription("other")))
        .isFalse();
    assertThat(Failures.discoveryWarmingUp(Status.UNAVAILABLE)).isFalse();
  }

  @Test
  void everyCodeOfTheOneListComesBackTyped() {
    for (var code : RefusalCode.values()) {
      assertThat(
              Failures.refusal("chaincode response 500, " + code + ": detail").orElseThrow().code())
          .isEqualTo(code);
    }
  }
}
