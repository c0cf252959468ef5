package et.coffeeexport.connectors.fabric;

import static et.coffeeexport.connectors.fabric.FakeGateway.Answer.chaincodeError;
import static et.coffeeexport.connectors.fabric.FakeGateway.Answer.committed;
import static et.coffeeexport.connectors.fabric.FakeGateway.Answer.fail;
import static et.coffeeexport.connectors.fabric.FakeGateway.Answer.hang;
import static et.coffeeexport.connectors.fabric.FakeGateway.Method.COMMIT_STATUS;
import static et.coffeeexport.connectors.fabric.FakeGateway.Method.ENDORSE;
import static et.coffeeexport.connectors.fabric.FakeGateway.Method.EVALUATE;
import static et.coffeeexport.connectors.fabric.FakeGateway.Method.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import et.coffeeexport.domain.Organisation;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashSet;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's retry logic against a fake gateway in the same JVM: what it resends, where, and
 * when it gives up. No network; every proposal and transaction is really signed and checked.
 */
class FabricExportLedgerRetryTest {
  private static final String CHANNEL = "coffeeexport";
  private static final Signatory BANKER =
      TestSignatory.of(Organisation.COMMERCIAL_BANK.mspId(), "banker");
  private static final LedgerCall CALL =
      LedgerCall.of(BANKER, "coffee-export", "ExportContract", "ApproveFx", "EXP-1");

  /** Short deadlines and backoffs so that retries take milliseconds. */
  private static final LedgerSettings FAST =
      new LedgerSettings(
          new PeerConnections.CallDeadlines(
              Duration.ofMillis(500),
              Duration.ofMillis(500),
              Duration.ofMillis(500),
              Duration.ofMillis(500)),
          Duration.ofSeconds(5),
          Duration.ofSeconds(5),
          Duration.ofMillis(10),
          Duration.ofMillis(40));

  private FakeGateway fake;
  private FabricExportLedger ledger;

  private FabricExportLedger ledger(int peers, LedgerSettings settings) {
    fake = new FakeGateway(Organisation.COMMERCIAL_BANK.mspId(), peers);
    ledger =
        new FabricExportLedger(
            org -> {
              assertThat(org).isEqualTo(Organisation.COMMERCIAL_BANK.networkName());
              return fake.channels();
            },
            CHANNEL,
            settings);
    return ledger;
  }

  @AfterEach
  void close() {
    if (ledger != null) {
      ledger.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void resubmitsTheSameTransactionAfterTheOrdererWasUnavailable() {
    var ledger = ledger(1, FAST);
    fake.script(SUBMIT, fail(Status.Code.UNAVAILABLE));

    Committed committed = ledger.submit(CALL);

    assertThat(fake.calls(ENDORSE)).hasSize(1);
    String txId = fake.txIds(ENDORSE).get(0);
    assertThat(fake.txIds(SUBMIT)).containsExactly(txId, txId);
    var submitted = fake.calls(SUBMIT);
    assertThat(submitted.get(1).transaction())
        .as("the retry carries the very transaction the first submit did")
        .isEqualTo(submitted.get(0).transaction());
    assertThat(fake.txIds(COMMIT_STATUS)).containsExactly(txId);
    assertThat(committed.transactionId()).isEqualTo(txId);
    assertThat(committed.result()).isEqualTo(FakeGateway.RESULT);
    assertThat(committed.blockNumber()).isPositive();
    assertThat(committed.attempts()).as("one endorsement, two submits").isEqualTo(3);
  }

  @Test
  void movesToTheOrganisationsNextPeerWhenOneIsUnavailable() {
    var ledger = ledger(2, FAST);
    fake.script(ENDORSE, fail(Status.Code.UNAVAILABLE));

    Committed committed = ledger.submit(CALL);

    assertThat(fake.peers(ENDORSE)).containsExactly(0, 1);
    var txIds = fake.txIds(ENDORSE);
    assertThat(txIds.get(1)).as("the same proposal, endorsed elsewhere").isEqualTo(txIds.get(0));
    assertThat(fake.peers(SUBMIT)).containsExactly(1);
    assertThat(fake.peers(COMMIT_STATUS)).containsExactly(1);
    assertThat(committed.transactionId()).isEqualTo(txIds.get(0));
  }

  @Test
  void aChaincodeRefusalIsABusinessErrorAndNeverRetried() {
    var ledger = ledger(2, FAST);
    fake.script(
        ENDORSE,
        chaincodeError("chaincode response 500, PRICE_BELOW_MINIMUM: 2.10 USD/lb is below 3.05"));

    LedgerRefusal refusal = catchThrowableOfType(LedgerRefusal.class, () -> ledger.submit(CALL));

    assertThat(refusal).isNotNull();
    assertThat(refusal.code()).isEqualTo(et.coffeeexport.domain.RefusalCode.PRICE_BELOW_MINIMUM);
    assertThat(refusal.getMessage()).isEqualTo("PRICE_BELOW_MINIMUM: 2.10 USD/lb is below 3.05");
    assertThat(fake.calls(ENDORSE)).hasSize(1);
    assertThat(fake.calls(SUBMIT)).isEmpty();
  }

  @Test
  void endorsesAfreshAfterAReadConflict() {
    var ledger = ledger(1, FAST);
    fake.script(COMMIT_STATUS, committed(TxValidationCode.MVCC_READ_CONFLICT));

    Committed committed = ledger.submit(CALL);

    var endorsed = fake.txIds(ENDORSE);
    assertThat(endorsed).hasSize(2).doesNotHaveDuplicates();
    assertThat(fake.txIds(SUBMIT)).containsExactlyElementsOf(endorsed);
    assertThat(fake.txIds(COMMIT_STATUS)).containsExactlyElementsOf(endorsed);
    assertThat(committed.transactionId()).isEqualTo(endorsed.get(1));
    assertThat(committed.attempts())
        .as("per transaction: one endorsement, one submit with its status")
        .isEqualTo(4);
  }

  @Test
  void givesUpAfterFiveReadConflictsInARow() {
    var ledger = ledger(1, FAST);
    fake.otherwise(COMMIT_STATUS, committed(TxValidationCode.MVCC_READ_CONFLICT));

    LedgerUnavailable unavailable =
        catchThrowableOfType(LedgerUnavailable.class, () -> ledger.submit(CALL));

    assertThat(unavailable).isNotNull();
    assertThat(unavailable.getMessage()).contains("5 read conflicts");
    var endorsed = fake.txIds(ENDORSE);
    assertThat(new HashSet<>(endorsed)).hasSize(5);
    assertThat(fake.txIds(SUBMIT)).containsExactlyElementsOf(endorsed);
  }

  @Test
  void anInvalidTransactionIsRefusedWithoutRetry() {
    var ledger = ledger(1, FAST);
    fake.script(COMMIT_STATUS, committed(TxValidationCode.ENDORSEMENT_POLICY_FAILURE));

    LedgerRefusal refusal = catchThrowableOfType(LedgerRefusal.class, () -> ledger.submit(CALL));

    assertThat(refusal).isNotNull();
    assertThat(refusal.code()).isEqualTo(et.coffeeexport.domain.RefusalCode.INVALID_TRANSACTION);
    assertThat(refusal.getMessage()).contains("ENDORSEMENT_POLICY_FAILURE");
    assertThat(fake.calls(ENDORSE)).hasSize(1);
    assertThat(fake.calls(SUBMIT)).hasSize(1);
    assertThat(fake.calls(COMMIT_STATUS)).hasSize(1);
  }

  @Test
  void aPeerThatNeverAnswersMakesTheLedgerUnavailableOnceTheBudgetIsSpent() {
    Duration budget = Duration.ofSeconds(1);
    var ledger = ledger(1, budgeted(budget, Duration.ofMillis(200)));
    fake.otherwise(ENDORSE, hang());

    long start = System.nanoTime();
    LedgerUnavailable unavailable =
        catchThrowableOfType(LedgerUnavailable.class, () -> ledger.submit(CALL));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(unavailable).isNotNull();
    assertThat(unavailable.getMessage()).contains("answered in time");
    assertThat(took).as("it gave up, long before ten budgets").isLessThan(budget.multipliedBy(10));
    assertThat(fake.calls(ENDORSE)).hasSizeGreaterThan(1);
    assertThat(new HashSet<>(fake.txIds(ENDORSE))).as("one proposal throughout").hasSize(1);
    assertThat(fake.calls(SUBMIT)).isEmpty();
  }

  @Test
  void noCallOutlastsTheBudgetEvenWhenItsOwnDeadlineIsLonger() {
    Duration budget = Duration.ofSeconds(1);
    Duration longCalls = Duration.ofSeconds(60);
    var ledger = ledger(1, budgeted(budget, longCalls));
    fake.otherwise(ENDORSE, hang());

    long start = System.nanoTime();
    LedgerUnavailable unavailable =
        catchThrowableOfType(LedgerUnavailable.class, () -> ledger.submit(CALL));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(unavailable).isNotNull();
    // Without the cap the first endorsement alone would wait its own 60 s deadline.
    assertThat(took).as("ended with the budget, not the call's deadline").isLessThan(longCalls);
    assertThat(new HashSet<>(fake.txIds(ENDORSE))).as("one proposal throughout").hasSize(1);
  }

  @Test
  void aRejectedSignatureIsNotRetried() {
    var ledger = ledger(2, FAST);
    var impostor = ((TestSignatory) BANKER).impostor();

    LedgerUnavailable unavailable =
        catchThrowableOfType(
            LedgerUnavailable.class,
            () ->
                ledger.submit(
                    LedgerCall.of(impostor, "coffee-export", "ExportContract", "ApproveFx")));

    assertThat(unavailable).isNotNull();
    assertThat(unavailable.getCause()).hasMessageContaining("PERMISSION_DENIED");
    assertThat(fake.calls(ENDORSE)).hasSize(1);
  }

  @Test
  void evaluateRetriesAnUnavailablePeer() {
    var ledger = ledger(1, FAST);
    fake.script(EVALUATE, fail(Status.Code.UNAVAILABLE));

    byte[] answer = ledger.evaluate(CALL);

    assertThat(answer).isEqualTo(FakeGateway.RESULT);
    assertThat(fake.calls(EVALUATE)).hasSize(2);
    assertThat(fake.calls(ENDORSE)).isEmpty();
    assertThat(fake.calls(SUBMIT)).isEmpty();
  }

  /** Settings with {@code budget} per call in all, each gRPC call allowed {@code calls}. */
  private static LedgerSettings budgeted(Duration budget, Duration calls) {
    return new LedgerSettings(
        new PeerConnections.CallDeadlines(calls, calls, calls, calls),
        budget,
        budget,
        Duration.ofMillis(10),
        Duration.ofMillis(40));
  }
}
