package et.coffeeexport.chaincode.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * One peer's ledger for one chaincode, in memory, with Fabric's transaction semantics where
 * contracts can get them wrong: a transaction reads committed state only (its own writes are
 * invisible to it), and its writes, key policies, private data and event take effect only if it
 * returns normally. Committed values keep a history per key.
 */
public final class InMemoryLedger {
  final TreeMap<String, byte[]> state = new TreeMap<>();
  final Map<String, byte[]> policies = new HashMap<>();
  final Map<String, TreeMap<String, byte[]>> privateData = new HashMap<>();
  final Map<String, List<Modification>> history = new HashMap<>();
  private BiFunction<String, List<String>, Chaincode.Response> otherChaincodes =
      (name, args) ->
          new Chaincode.Response(
              Chaincode.Response.Status.INTERNAL_SERVER_ERROR, "no chaincode " + name, null);
  private Instant clock = Instant.parse("2026-11-20T09:00:00Z");
  private int transactions;
  private String lastEventName;
  private byte[] lastEventPayload;
  private TxStub lastStub;
  private byte[] chaincodePolicy;
  private final Map<String, byte[]> collectionPolicies = new HashMap<>();
  private final Map<String, byte[]> lastRequired = new TreeMap<>();

  record Modification(String txId, Instant timestamp, byte[] value) {}

  /** Answers this chaincode's calls to other chaincodes (name, string arguments) → response. */
  public InMemoryLedger withOtherChaincodes(
      BiFunction<String, List<String>, Chaincode.Response> handler) {
    this.otherChaincodes = handler;
    return this;
  }

  /**
   * The chaincode definition's endorsement policy, which governs keys without a key-level policy
   * (every new key); validation checks use it.
   */
  public InMemoryLedger withChaincodePolicy(byte[] policy) {
    this.chaincodePolicy = policy.clone();
    return this;
  }

  /** A private data collection's endorsement policy, which governs its writes. */
  public InMemoryLedger withCollectionPolicy(String collection, byte[] policy) {
    collectionPolicies.put(collection, policy.clone());
    return this;
  }

  /** Moves the transaction clock: the next transaction's timestamp. */
  public void setTime(Instant time) {
    this.clock = time;
  }

  public Instant time() {
    return clock;
  }

  /** Runs a transaction as {@code caller}; commits its writes only when it returns normally. */
  public <T> T submit(
      TestIdentity caller, Map<String, byte[]> transientData, Function<Context, T> transaction) {
    TxStub stub = begin(caller, transientData);
    T result = transaction.apply(new Context(stub));
    commit(stub);
    return result;
  }

  public <T> T submit(TestIdentity caller, Function<Context, T> transaction) {
    return submit(caller, Map.of(), transaction);
  }

  /**
   * A transaction simulated and endorsed but not yet committed (Fabric's execute phase); {@link
   * #validateAndCommit} orders and validates it.
   */
  public static final class Endorsement<T> {
    private final TxStub stub;
    private final T result;

    private Endorsement(TxStub stub, T result) {
      this.stub = stub;
      this.result = result;
    }

    /** What the transaction answered its client. */
    public T result() {
      return result;
    }

    /** The keys the simulation wrote. */
    public java.util.Set<String> writes() {
      return java.util.Collections.unmodifiableSet(stub.writes.keySet());
    }

    /** The keys the simulation read with {@code getState}. */
    public java.util.Set<String> reads() {
      return java.util.Collections.unmodifiableSet(stub.reads.keySet());
    }
  }

  /**
   * Simulates {@code transaction} as {@code caller} against the committed state, as an endorsing
   * peer does, without committing it: several endorsements can be made against the same state and
   * committed later, in any order, with {@link #validateAndCommit}.
   */
  public <T> Endorsement<T> endorse(
      TestIdentity caller, Map<String, byte[]> transientData, Function<Context, T> transaction) {
    TxStub stub = begin(caller, transientData);
    return new Endorsement<>(stub, transaction.apply(new Context(stub)));
  }

  /**
   * Validates an endorsement as a peer does at commit (Fabric's MVCC check, for point reads): when
   * a key it read was committed again since it was read, the transaction is invalid ({@code
   * MVCC_READ_CONFLICT}) and writes nothing; otherwise it commits. Returns whether it committed.
   */
  public boolean validateAndCommit(Endorsement<?> endorsement) {
    TxStub stub = endorsement.stub;
    boolean current =
        stub.reads.entrySet().stream().allMatch(read -> version(read.getKey()) == read.getValue());
    if (current) {
      commit(stub);
    }
    return current;
  }

  /** How many times {@code key} was committed: the version a read records. */
  int version(String key) {
    return history.getOrDefault(key, List.of()).size();
  }

  /** Runs a read-only query as {@code caller}; nothing it writes is kept. */
  public <T> T evaluate(TestIdentity caller, Function<Context, T> query) {
    return query.apply(new Context(begin(caller, Map.of())));
  }

  private TxStub begin(TestIdentity caller, Map<String, byte[]> transientData) {
    transactions++;
    String txId =
        sha256Hex("tx-" + transactions); // like Fabric's: 64 hex digits, unique from the first ones
    lastStub = new TxStub(this, caller, txId, clock, transientData, otherChaincodes);
    clock = clock.plus(Duration.ofSeconds(1));
    return lastStub;
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void commit(TxStub stub) {
    // What validation will ask of the endorsements: each written key's policy as committed before
    // this transaction (the chaincode's for a new key), each private write its collection's.
    lastRequired.clear();
    for (String key : stub.writes.keySet()) {
      lastRequired.put(key, policies.getOrDefault(key, chaincodePolicy));
    }
    for (String key : stub.policyWrites.keySet()) {
      lastRequired.put(key, policies.getOrDefault(key, chaincodePolicy));
    }
    stub.privateWrites.forEach(
        (collection, writes) ->
            writes
                .keySet()
                .forEach(
                    key ->
                        lastRequired.put(
                            collection + "/" + key,
                            collectionPolicies.getOrDefault(collection, chaincodePolicy))));
    stub.writes.forEach(
        (key, value) -> {
          if (value == null) {
            state.remove(key);
          } else {
            state.put(key, value);
          }
          history
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Modification(stub.getTxId(), stub.getTxTimestamp(), value));
        });
    // A key's policy lives with its value, as a peer commits it (Fabric's validation.prepareTxOps):
    // deleting a key drops its policy, and a policy written for a key that does not exist after
    // this transaction is dropped, so a contract that sets a policy without writing the key leaves
    // the key governed by the chaincode's policy.
    stub.writes.forEach(
        (key, value) -> {
          if (value == null) {
            policies.remove(key);
          }
        });
    stub.policyWrites.forEach(
        (key, policy) -> {
          if (state.containsKey(key)) {
            policies.put(key, policy);
          }
        });
    stub.privateWrites.forEach(
        (collection, writes) ->
            privateData.computeIfAbsent(collection, c -> new TreeMap<>()).putAll(writes));
    lastEventName = stub.eventName;
    lastEventPayload = stub.eventPayload;
  }

  /**
   * The keys of the last committed transaction whose policies peers of {@code endorsingMsps} (one
   * each) would not satisfy: empty when a peer would validate the transaction with those
   * endorsements. Needs {@link #withChaincodePolicy}.
   */
  public List<String> lastTransactionRefusedFor(java.util.Set<String> endorsingMsps) {
    if (chaincodePolicy == null) {
      throw new IllegalStateException("set the chaincode policy first");
    }
    List<String> refused = new ArrayList<>();
    lastRequired.forEach(
        (key, policy) -> {
          if (!EndorsementCheck.satisfied(policy, endorsingMsps)) {
            refused.add(key);
          }
        });
    return refused;
  }

  /** Whether peers of {@code endorsingMsps} could change the committed key {@code key}. */
  public boolean admitsChange(String key, java.util.Set<String> endorsingMsps) {
    return EndorsementCheck.satisfied(policies.getOrDefault(key, chaincodePolicy), endorsingMsps);
  }

  /** Every committed public key. */
  public java.util.Set<String> keys() {
    return java.util.Collections.unmodifiableSet(state.keySet());
  }

  /** The event the last committed transaction emitted. */
  public String lastEventName() {
    return lastEventName;
  }

  public byte[] lastEventPayload() {
    return lastEventPayload;
  }

  /** The write set of the last transaction run, committed or not, for determinism checks. */
  public Map<String, byte[]> lastWriteSet() {
    return lastStub == null ? Map.of() : new TreeMap<>(lastStub.writes);
  }

  /** The key-level endorsement policy of {@code key}, or {@code null}. */
  public byte[] policyOf(String key) {
    return policies.get(key);
  }

  public byte[] privateValue(String collection, String key) {
    return privateData.getOrDefault(collection, new TreeMap<>()).get(key);
  }

  /** A comparable picture of everything committed: public state, policies and private data. */
  public Snapshot snapshot() {
    TreeMap<String, TreeMap<String, byte[]>> collections = new TreeMap<>();
    privateData.forEach((collection, values) -> collections.put(collection, copy(values)));
    return new Snapshot(copy(state), copy(policies), collections);
  }

  /** Restores a snapshot, so that one prepared ledger serves many test cases. */
  public void restore(Snapshot snapshot) {
    state.clear();
    state.putAll(snapshot.state);
    policies.clear();
    policies.putAll(snapshot.policies);
    privateData.clear();
    snapshot.privateData.forEach((c, m) -> privateData.put(c, new TreeMap<>(m)));
  }

  private static TreeMap<String, byte[]> copy(Map<String, byte[]> map) {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Committed state at one moment; equal when every key and value is. */
  public record Snapshot(
      TreeMap<String, byte[]> state,
      TreeMap<String, byte[]> policies,
      TreeMap<String, TreeMap<String, byte[]>> privateData) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Snapshot other
          && same(state, other.state)
          && same(policies, other.policies)
          && privateData.keySet().equals(other.privateData.keySet())
          && privateData.keySet().stream()
              .allMatch(c -> same(privateData.get(c), other.privateData.get(c)));
    }

    @Override
    public int hashCode() {
      return Objects.hash(state.keySet(), policies.keySet());
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
      return a.keySet().equals(b.keySet())
          && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    @Override
    public String toString() {
      return "Snapshot" + state.keySet();
    }
  }
}
