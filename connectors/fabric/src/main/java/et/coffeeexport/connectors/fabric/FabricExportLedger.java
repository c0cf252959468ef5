package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.RefusalCode;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger through each organisation's own peers, never losing or duplicating a write.
 *
 * <p>A submission is endorsed once, then submitted and its commit status confirmed. What is retried
 * after a technical failure is always the <em>same signed transaction</em> (same transaction id):
 * Fabric commits a transaction id at most once, so a retry cannot write twice. A fresh endorsement
 * (a new transaction) is made only when the earlier one is known to be invalid: a read conflict
 * with a concurrent transaction. Each organisation has one gRPC channel per peer; when a peer is
 * unreachable the next one is tried, and with a single peer the call waits for it within its
 * budget.
 */
final class FabricExportLedger implements ExportLedger, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FabricExportLedger.class);
  private static final int MAX_FRESH_ENDORSEMENTS = 5;

  private final Map<String, Peers> peersByOrg = new ConcurrentHashMap<>();
  private final Function<String, Peers> connect;
  private final LedgerSettings settings;

  /**
   * @param profiles each organisation's connection profile
   * @param tlsClient each organisation's TLS client credentials (peers require client certificates)
   */
  FabricExportLedger(
      Function<String, OrganisationProfile> profiles,
      Function<String, Credentials> tlsClient,
      LedgerSettings settings) {
    this(
        org -> {
          OrganisationProfile profile = profiles.apply(org);
          List<ManagedChannel> channels = new ArrayList<>();
          for (int i = 0; i < profile.peers().size(); i++) {
            channels.add(PeerConnections.open(profile, i, tlsClient.apply(org)));
          }
          return new Peers(profile.channel(), channels);
        },
        settings);
  }

  /**
   * Over channels opened elsewhere (tests: a fake gateway in the same JVM).
   *
   * @param peerChannels an organisation's network name to one channel per peer, peer0 first
   * @param channelName the Fabric channel every organisation's calls go to
   */
  FabricExportLedger(
      Function<String, List<ManagedChannel>> peerChannels,
      String channelName,
      LedgerSettings settings) {
    this(org -> new Peers(channelName, peerChannels.apply(org)), settings);
  }

  private FabricExportLedger(Function<String, Peers> connect, LedgerSettings settings) {
    this.settings = settings;
    this.connect = connect;
  }

  @Override
  public Committed submit(LedgerCall call) {
    Peers peers = peersByOrg.computeIfAbsent(call.org(), connect);
    Instant deadline = Instant.now().plus(settings.submitBudget());
    int attempts = 0;
    for (int fresh = 0; fresh < MAX_FRESH_ENDORSEMENTS; fresh++) {
      Endorsed endorsed = endorse(call, peers, deadline);
      attempts += endorsed.attempts;
      call.signatory().confirm();
      Confirmation confirmation = submitAndConfirm(call, peers, endorsed, deadline);
      attempts += confirmation.attempts;
      Status status = confirmation.status;
      if (status.isSuccessful()) {
        return new Committed(
            status.getTransactionId(), status.getBlockNumber(), endorsed.result, attempts);
      }
      if (status.getCode() != TxValidationCode.MVCC_READ_CONFLICT
          && status.getCode() != TxValidationCode.PHANTOM_READ_CONFLICT) {
        throw new LedgerRefusal(
            RefusalCode.INVALID_TRANSACTION,
            call.transaction()
                + " "
                + status.getTransactionId()
                + " committed "
                + status.getCode());
      }
      log.debug(
          "{} {} lost a read conflict; endorsing afresh",
          call.transaction(),
          status.getTransactionId());
    }
    throw new LedgerUnavailable(
        call.transaction() + " lost " + MAX_FRESH_ENDORSEMENTS + " read conflicts in a row",
        null,
        null);
  }

  @Override
  public byte[] evaluate(LedgerCall call) {
    Peers peers = peersByOrg.computeIfAbsent(call.org(), connect);
    Instant deadline = Instant.now().plus(settings.evaluateBudget());
    byte[] answer =
        retrying(
                peers,
                deadline,
                null,
                channel -> {
                  try (Gateway gateway = gateway(channel, call, deadline)) {
                    return proposal(gateway, peers, call).evaluate();
                  }
                })
            .value;
    call.signatory().confirm();
    return answer;
  }

  @Override
  public EventStream events(
      Signatory listener, String chaincode, long startBlock, String afterTransaction) {
    Peers peers = peersByOrg.computeIfAbsent(listener.organisation().networkName(), connect);
    ManagedChannel channel = peers.current();
    Gateway gateway =
        PeerConnections.gateway(
            channel, listener.identity(), listener.signer(), settings.deadlines());
    var request =
        gateway
            .getNetwork(peers.channelName)
            .newChaincodeEventsRequest(chaincode)
            .startBlock(0)
            .checkpoint(Checkpoints.at(startBlock, afterTransaction))
            .build();
    try {
      return new EventStream(request.getEvents(), peers::next, gateway);
    } catch (org.hyperledger.fabric.client.GatewayRuntimeException e) {
      gateway.close();
      peers.next();
      throw new LedgerUnavailable("no chaincode events from " + peers.channelName, null, e);
    }
  }

  private Endorsed endorse(LedgerCall call, Peers peers, Instant deadline) {
    // One proposal for every endorsement attempt: if a retry is ever endorsed twice, it is still
    // the same transaction id.
    Proposal[] proposal = new Proposal[1];
    Attempt<byte[]> endorsed =
        retrying(
            peers,
            deadline,
            null,
            channel -> {
              try (Gateway gateway = gateway(channel, call, deadline)) {
                Proposal p =
                    proposal[0] == null
                        ? proposal(gateway, peers, call)
                        : gateway.newProposal(proposal[0].getBytes());
                proposal[0] = p;
                return p.endorse().getBytes();
              }
            });
    try (Gateway gateway = gateway(peers.current(), call, deadline)) {
      var transaction = gateway.newTransaction(endorsed.value);
      return new Endorsed(
          endorsed.value,
          transaction.getTransactionId(),
          transaction.getResult(),
          endorsed.attempts);
    }
  }

  private Confirmation submitAndConfirm(
      LedgerCall call, Peers peers, Endorsed endorsed, Instant deadline) {
    byte[] transaction = endorsed.transaction;
    String txId = endorsed.transactionId;
    byte[][] commit = new byte[1][];
    Attempt<Status> status =
        retrying(
            peers,
            deadline,
            txId,
            channel -> {
              try (Gateway gateway = gateway(channel, call, deadline)) {
                if (commit[0] == null) {
                  commit[0] = gateway.newTransaction(transaction).submitAsync().getBytes();
                }
                return gateway.newCommit(commit[0]).getStatus();
              }
            });
    return new Confirmation(status.value, status.attempts);
  }

  private Proposal proposal(Gateway gateway, Peers peers, LedgerCall call) {
    var builder =
        gateway
            .getNetwork(peers.channelName)
            .getContract(call.chaincode(), call.contract())
            .newProposal(call.transaction())
            .addArguments(call.args().toArray(String[]::new));
    if (!call.transientData().isEmpty()) {
      builder.putAllTransient(call.transientData());
    }
    if (!call.endorsingOrgs().isEmpty()) {
      builder.setEndorsingOrganizations(call.endorsingOrgs().toArray(String[]::new));
    }
    return builder.build();
  }

  /** A gateway whose calls end by the budget's deadline, however long each kind may take. */
  private Gateway gateway(ManagedChannel channel, LedgerCall call, Instant deadline) {
    return PeerConnections.gateway(
        channel,
        call.signatory().identity(),
        call.signatory().signer(),
        settings.within(Duration.between(Instant.now(), deadline)));
  }

  private interface Step<T> {
    T run(ManagedChannel channel) throws GatewayException;
  }

  private record Attempt<T>(T value, int attempts) {}

  /**
   * Runs {@code step} until it succeeds, fails for a business reason, or the deadline passes; after
   * a technical failure the next peer is tried (or the same one again, reconnecting at once).
   */
  private <T> Attempt<T> retrying(Peers peers, Instant deadline, String txId, Step<T> step) {
    Duration backoff = settings.initialBackoff();
    for (int attempt = 1; ; attempt++) {
      ManagedChannel channel = peers.current();
      try {
        return new Attempt<>(step.run(channel), attempt);
      } catch (EndorseException | SubmitException | CommitStatusException e) {
        retryOrThrow(e, Failures.refusal(e).orElse(null), peers, deadline, txId);
      } catch (GatewayException e) {
        retryOrThrow(e, Failures.refusal(e).orElse(null), peers, deadline, txId);
      } catch (org.hyperledger.fabric.client.GatewayRuntimeException e) {
        if (!Failures.transientFailure(e) || Instant.now().isAfter(deadline)) {
          throw new LedgerUnavailable("the ledger failed: " + e.getMessage(), txId, e);
        }
      }
      peers.next();
      sleep(backoff, deadline);
      backoff =
          backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
              ? settings.maxBackoff()
              : backoff.multipliedBy(2);
    }
  }

  private static void retryOrThrow(
      GatewayException e, LedgerRefusal refusal, Peers peers, Instant deadline, String txId) {
    if (refusal != null) {
      throw refusal;
    }
    if (!Failures.transientFailure(e)) {
      throw new LedgerUnavailable("the ledger failed: " + e.getMessage(), txId, e);
    }
    if (Instant.now().isAfter(deadline)) {
      throw new LedgerUnavailable(
          "no peer of " + peers.channelName + " answered in time: " + e.getMessage(), txId, e);
    }
    log.debug("retrying after {}: {}", e.getStatus().getCode(), e.getMessage());
  }

  private static void sleep(Duration backoff, Instant deadline) {
    long millis =
        Math.min(
            backoff.toMillis(), Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerUnavailable("interrupted while waiting for the ledger", null, e);
    }
  }

  @Override
  public void close() {
    peersByOrg.values().forEach(Peers::close);
  }

  private record Endorsed(byte[] transaction, String transactionId, byte[] result, int attempts) {}

  private record Confirmation(Status status, int attempts) {}

  /** An organisation's peers, tried in turn; the current one is where calls go. */
  private static final class Peers {
    final String channelName;
    private final List<ManagedChannel> channels;
    private volatile int current;

    Peers(String channelName, List<ManagedChannel> channels) {
      this.channelName = channelName;
      this.channels = channels;
    }

    ManagedChannel current() {
      return channels.get(current);
    }

    /** Moves on to the next peer, and has its channel reconnect now rather than after a backoff. */
    void next() {
      current = (current + 1) % channels.size();
      channels.get(current).resetConnectBackoff();
    }

    void close() {
      channels.forEach(ManagedChannel::shutdownNow);
    }
  }
}
