package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.Identifiers;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Reads: an export, its full history and decision trail, exports by status or exporter (paged), its
 * private terms.
 */
@Contract(name = "ExportQueryContract", info = @Info(title = "Export queries", version = "1.0.0"))
public final class ExportQueryContract implements ContractInterface {
  private static final int MAX_PAGE = 200;

  /** One export. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readExport(Context ctx, String exportId) {
    ExportContract.requireId(exportId);
    return ExportStore.utf8(CanonicalJson.toBytes(new ExportStore(ctx.getStub()).export(exportId)));
  }

  /** Every committed version of the export (transaction id, time, value) and its decision trail. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readHistory(Context ctx, String exportId) {
    ExportContract.requireId(exportId);
    ChaincodeStub stub = ctx.getStub();
    ExportStore store = new ExportStore(stub);
    store.export(exportId);
    List<Version> versions = new ArrayList<>();
    try (QueryResultsIterator<KeyModification> history =
        stub.getHistoryForKey(Keys.export(stub, exportId))) {
      for (KeyModification m : history) {
        versions.add(
            new Version(
                m.getTxId(),
                m.getTimestamp().toString(),
                m.isDeleted(),
                m.isDeleted()
                    ? null
                    : CanonicalJson.fromBytes(m.getValue(), ExportSnapshot.class)));
      }
    } catch (Exception e) {
      throw new IllegalStateException("history query failed", e);
    }
    return Transitions.json(new History(exportId, versions, store.decisions(exportId)));
  }

  record Version(String txId, String at, boolean deleted, ExportSnapshot value) {}

  record History(String exportId, List<Version> versions, List<DecisionEntry> decisions) {}

  /** Exports in {@code status}, a page at a time; pass the returned bookmark for the next page. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String queryByStatus(Context ctx, String status, int pageSize, String bookmark) {
    try {
      ExportStatus.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, "status must be one of " + List.of(ExportStatus.values()));
    }
    return page(ctx, Keys.BY_STATUS, status, pageSize, bookmark);
  }

  /** An exporter's exports, a page at a time. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String queryByExporter(Context ctx, String exporterId, int pageSize, String bookmark) {
    if (!Identifiers.isValid(exporterId)) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "exporterId must be an identifier");
    }
    return page(ctx, Keys.BY_EXPORTER, exporterId, pageSize, bookmark);
  }

  record Page(List<ExportSnapshot> exports, String bookmark, int count) {}

  private static String page(
      Context ctx, String index, String value, int pageSize, String bookmark) {
    if (pageSize < 1 || pageSize > MAX_PAGE) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "pageSize must be 1-" + MAX_PAGE);
    }
    ChaincodeStub stub = ctx.getStub();
    ExportStore store = new ExportStore(stub);
    List<ExportSnapshot> exports = new ArrayList<>();
    CompositeKey partial = stub.createCompositeKey(index, value);
    try (QueryResultsIteratorWithMetadata<KeyValue> results =
        stub.getStateByPartialCompositeKeyWithPagination(
            partial, pageSize, bookmark == null ? "" : bookmark)) {
      for (KeyValue kv : results) {
        List<String> attributes = stub.splitCompositeKey(kv.getKey()).getAttributes();
        exports.add(store.export(attributes.get(attributes.size() - 1)));
      }
      String next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
      return Transitions.json(new Page(exports, next, exports.size()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("paged query failed", e);
    }
  }

  /**
   * The private terms: for the members of the collection (Commercial Bank, National Bank, ECTA) and
   * the export's own exporter, answered only by the members' peers.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readTerms(Context ctx, String exportId) {
    requireTermsReader(ctx, exportId);
    return ExportStore.utf8(CanonicalJson.toBytes(new PrivateTerms(ctx.getStub()).read(exportId)));
  }

  /** The repatriated amount of a completed export, for the members of the collection. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readRepatriation(Context ctx, String exportId) {
    requireTermsReader(ctx, exportId);
    return ExportStore.utf8(
        CanonicalJson.toBytes(new PrivateTerms(ctx.getStub()).readRepatriation(exportId)));
  }

  /**
   * Whether a given set of terms is the one recorded. Only for those who may read the terms: the
   * hash is salted by the platform, and nobody else gets an oracle to test guesses against it.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public boolean verifyTerms(Context ctx, String exportId, String termsJson) {
    requireTermsReader(ctx, exportId);
    ExportTerms claimed = CanonicalJson.parse(termsJson, ExportTerms.class, "terms");
    return PrivateTerms.hashOf(claimed)
        .equals(new ExportStore(ctx.getStub()).export(exportId).termsHash());
  }

  private static void requireTermsReader(Context ctx, String exportId) {
    ExportContract.requireId(exportId);
    Caller caller = Caller.of(ctx);
    boolean member =
        caller.organisation() != null
            && caller.role() != Role.EXPORTER
            && PrivateTerms.HOLDERS.contains(caller.organisation());
    boolean ownExporter =
        caller.role() == Role.EXPORTER
            && new ExportStore(ctx.getStub())
                .export(exportId)
                .exporterId()
                .equals(caller.exporterId());
    if (!member && !ownExporter) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN,
          "the terms are private to " + PrivateTerms.HOLDERS + " and the exporter");
    }
  }
}
