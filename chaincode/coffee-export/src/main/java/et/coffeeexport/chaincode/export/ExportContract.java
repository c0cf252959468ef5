package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Identifiers;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** The {@code coffee-export} chaincode: the ledger record of every export request and its lifecycle. */
@Contract(name = "ExportContract", info = @Info(title = "Coffee export", version = "0.1.0"))
@Default
public final class ExportContract implements ContractInterface {
  static final String EXPORT_KEY = "export";
  static final String EXPORT_CREATED = "ExportCreated";
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  /**
   * Records a new export request in status {@code SUBMITTED}.
   *
   * @param exportId the export's identifier, unique on the ledger
   * @param exporterId the exporter's identifier in the participant registry
   * @param requestJson the sales contract summary, a JSON object of at most 64 KiB
   * @return the stored record as JSON
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String createExport(Context ctx, String exportId, String exporterId, String requestJson) {
    requireId(exportId, "exportId");
    requireId(exporterId, "exporterId");
    if (requestJson == null || requestJson.getBytes(StandardCharsets.UTF_8).length > MAX_REQUEST_BYTES) {
      throw ContractError.INVALID_ARGUMENT.exception("request must be present and at most 64 KiB");
    }
    ChaincodeStub stub = ctx.getStub();
    String key = stub.createCompositeKey(EXPORT_KEY, exportId).toString();
    if (stub.getState(key).length > 0) {
      throw ContractError.ALREADY_EXISTS.exception("export " + exportId + " already exists");
    }
    ExportRecord record =
        new ExportRecord(
            exportId,
            exporterId,
            ExportStatus.SUBMITTED,
            CanonicalJson.parseObject(requestJson, "request"),
            ctx.getClientIdentity().getMSPID(),
            stub.getTxTimestamp().toString(),
            stub.getTxId());
    byte[] bytes = CanonicalJson.toBytes(record);
    stub.putState(key, bytes);
    stub.setEvent(EXPORT_CREATED, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Reads one export.
   *
   * @param exportId the export's identifier
   * @return the record as JSON; {@code NOT_FOUND} when there is none
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readExport(Context ctx, String exportId) {
    requireId(exportId, "exportId");
    ChaincodeStub stub = ctx.getStub();
    byte[] bytes = stub.getState(stub.createCompositeKey(EXPORT_KEY, exportId).toString());
    if (bytes.length == 0) {
      throw ContractError.NOT_FOUND.exception("export " + exportId + " does not exist");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void requireId(String value, String name) {
    if (!Identifiers.isValid(value)) {
      throw ContractError.INVALID_ARGUMENT.exception(name + " must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }
}
