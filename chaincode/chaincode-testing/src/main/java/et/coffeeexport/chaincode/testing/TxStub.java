package et.coffeeexport.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/** One transaction's view of an {@link InMemoryLedger}: reads committed state, buffers writes. */
final class TxStub implements ChaincodeStub {
  private static final String MAX_UNICODE = new String(Character.toChars(Character.MAX_CODE_POINT));
  private final InMemoryLedger ledger;
  private final TestIdentity caller;
  private final String txId;
  private final Instant timestamp;
  private final Map<String, byte[]> transientData;
  private final BiFunction<String, List<String>, Chaincode.Response> otherChaincodes;

  /** The committed version of each key read by {@link #getState}: the read set. */
  final Map<String, Integer> reads = new TreeMap<>();

  final Map<String, byte[]> writes = new TreeMap<>();
  final Map<String, byte[]> policyWrites = new TreeMap<>();
  final Map<String, Map<String, byte[]>> privateWrites = new TreeMap<>();
  String eventName;
  byte[] eventPayload;

  TxStub(
      InMemoryLedger ledger,
      TestIdentity caller,
      String txId,
      Instant timestamp,
      Map<String, byte[]> transientData,
      BiFunction<String, List<String>, Chaincode.Response> otherChaincodes) {
    this.ledger = ledger;
    this.caller = caller;
    this.txId = txId;
    this.timestamp = timestamp;
    this.transientData = transientData;
    this.otherChaincodes = otherChaincodes;
  }

  @Override
  public String getTxId() {
    return txId;
  }

  @Override
  public String getChannelId() {
    return "coffee-export-channel";
  }

  @Override
  public Instant getTxTimestamp() {
    return timestamp;
  }

  @Override
  public byte[] getCreator() {
    return caller.serialized();
  }

  @Override
  public Map<String, byte[]> getTransient() {
    return transientData;
  }

  /**
   * The endorsing peer's organisation: the caller's own, as when a client endorses through its own
   * gateway.
   */
  @Override
  public String getMspId() {
    return caller.mspId();
  }

  @Override
  public byte[] getState(String key) {
    reads.putIfAbsent(key, ledger.version(key));
    byte[] value = ledger.state.get(key);
    return value == null ? new byte[0] : value.clone();
  }

  @Override
  public void putState(String key, byte[] value) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    writes.put(key, value.clone());
  }

  @Override
  public void delState(String key) {
    writes.put(key, null);
  }

  @Override
  public byte[] getStateValidationParameter(String key) {
    return ledger.policies.get(key);
  }

  @Override
  public void setStateValidationParameter(String key, byte[] policy) {
    policyWrites.put(key, policy.clone());
  }

  @Override
  public CompositeKey createCompositeKey(String objectType, String... attributes) {
    return new CompositeKey(objectType, attributes);
  }

  @Override
  public CompositeKey splitCompositeKey(String compositeKey) {
    return CompositeKey.parseCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
    return results(ledger.state.subMap(startKey, true, endKey, false), Integer.MAX_VALUE, null);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
    return byPrefix(compositeKey, Integer.MAX_VALUE, null);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
      String objectType, String... attributes) {
    return byPrefix(new CompositeKey(objectType, attributes).toString(), Integer.MAX_VALUE, null);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
    return byPrefix(compositeKey.toString(), Integer.MAX_VALUE, null);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
      CompositeKey compositeKey, int pageSize, String bookmark) {
    return byPrefix(compositeKey.toString(), pageSize, bookmark);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
      String startKey, String endKey, int pageSize, String bookmark) {
    String from = bookmark == null || bookmark.isEmpty() ? startKey : bookmark;
    return results(ledger.state.subMap(from, true, endKey, false), pageSize, bookmark);
  }

  private Results byPrefix(String prefix, int pageSize, String bookmark) {
    String from = bookmark == null || bookmark.isEmpty() ? prefix : bookmark;
    return results(
        ledger.state.subMap(from, true, prefix + MAX_UNICODE, false), pageSize, bookmark);
  }

  private static Results results(
      NavigableMap<String, byte[]> range, int pageSize, String bookmark) {
    List<KeyValue> page = new ArrayList<>();
    String next = "";
    for (Map.Entry<String, byte[]> e : range.entrySet()) {
      if (page.size() == pageSize) {
        next = e.getKey();
        break;
      }
      page.add(new Kv(e.getKey(), e.getValue().clone()));
    }
    return new Results(
        page,
        QueryResponseMetadata.newBuilder()
            .setFetchedRecordsCount(page.size())
            .setBookmark(next)
            .build());
  }

  @Override
  public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
    List<KeyModification> mods = new ArrayList<>();
    for (InMemoryLedger.Modification m : ledger.history.getOrDefault(key, List.of())) {
      mods.add(new Mod(m));
    }
    java.util.Collections.reverse(mods); // Fabric returns the newest first
    return new Iter<>(mods);
  }

  @Override
  public byte[] getPrivateData(String collection, String key) {
    byte[] value = ledger.privateData.getOrDefault(collection, new TreeMap<>()).get(key);
    return value == null ? new byte[0] : value.clone();
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    privateWrites.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, value.clone());
  }

  @Override
  public byte[] getPrivateDataHash(String collection, String key) {
    byte[] value = getPrivateData(collection, key);
    try {
      return value.length == 0
          ? new byte[0]
          : java.security.MessageDigest.getInstance("SHA-256").digest(value);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void setEvent(String name, byte[] payload) {
    eventName = name;
    eventPayload = payload == null ? null : payload.clone();
  }

  @Override
  public Chaincode.Response invokeChaincode(
      String chaincodeName, List<byte[]> args, String channel) {
    List<String> strings = args.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList();
    return otherChaincodes.apply(chaincodeName, strings);
  }

  // What the contracts never use: unsupported, so a test fails loudly if one starts to.
  @Override
  public List<byte[]> getArgs() {
    throw unsupported();
  }

  @Override
  public List<String> getStringArgs() {
    throw unsupported();
  }

  @Override
  public String getFunction() {
    throw unsupported();
  }

  @Override
  public List<String> getParameters() {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getQueryResult(String query) {
    throw unsupported();
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
      String q, int p, String b) {
    throw unsupported();
  }

  @Override
  public byte[] getPrivateDataValidationParameter(String collection, String key) {
    throw unsupported();
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] ep) {
    throw unsupported();
  }

  @Override
  public void delPrivateData(String collection, String key) {
    throw unsupported();
  }

  @Override
  public void purgePrivateData(String collection, String key) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByRange(String c, String s, String e) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String c, String k) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String c, CompositeKey k) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String c, String t, String... a) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String c, String q) {
    throw unsupported();
  }

  @Override
  public ChaincodeEvent getEvent() {
    throw unsupported();
  }

  @Override
  public SignedProposal getSignedProposal() {
    throw unsupported();
  }

  @Override
  public byte[] getBinding() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "not used by the contracts; extend the in-memory ledger first");
  }

  private record Kv(String getKey, byte[] getValue) implements KeyValue {
    @Override
    public String getStringValue() {
      return new String(getValue, StandardCharsets.UTF_8);
    }
  }

  private record Mod(InMemoryLedger.Modification m) implements KeyModification {
    @Override
    public String getTxId() {
      return m.txId();
    }

    @Override
    public byte[] getValue() {
      return m.value() == null ? new byte[0] : m.value().clone();
    }

    @Override
    public String getStringValue() {
      return new String(getValue(), StandardCharsets.UTF_8);
    }

    @Override
    public Instant getTimestamp() {
      return m.timestamp();
    }

    @Override
    public boolean isDeleted() {
      return m.value() == null;
    }
  }

  private static class Iter<T> implements QueryResultsIterator<T> {
    private final List<T> items;

    Iter(List<T> items) {
      this.items = items;
    }

    @Override
    public Iterator<T> iterator() {
      return items.iterator();
    }

    @Override
    public void close() {}
  }

  private static final class Results extends Iter<KeyValue>
      implements QueryResultsIteratorWithMetadata<KeyValue> {
    private final QueryResponseMetadata metadata;

    Results(List<KeyValue> items, QueryResponseMetadata metadata) {
      super(items);
      this.metadata = metadata;
    }

    @Override
    public QueryResponseMetadata getMetadata() {
      return metadata;
    }
  }
}
