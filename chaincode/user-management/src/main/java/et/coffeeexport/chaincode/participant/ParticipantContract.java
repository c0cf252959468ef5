package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.Identifiers;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** The {@code user-management} chaincode: the consortium's participant registry. */
@Contract(name = "ParticipantContract", info = @Info(title = "Participant registry", version = "0.1.0"))
@Default
public final class ParticipantContract implements ContractInterface {
  static final String EXPORTER_KEY = "exporter";
  static final String EXPORTER_REGISTERED = "ExporterRegistered";
  static final String ECTA_MSP = "EctaMSP";

  /**
   * Registers an exporter. Only ECTA licenses exporters.
   *
   * @param exporterId the exporter's identifier
   * @param profileJson licence, competence certificate, TIN and capital, as a JSON object
   * @return the stored record as JSON
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerExporter(Context ctx, String exporterId, String profileJson) {
    if (!ECTA_MSP.equals(ctx.getClientIdentity().getMSPID())) {
      throw ContractError.FORBIDDEN.exception("only ECTA registers exporters");
    }
    requireId(exporterId);
    ChaincodeStub stub = ctx.getStub();
    String key = stub.createCompositeKey(EXPORTER_KEY, exporterId).toString();
    if (stub.getState(key).length > 0) {
      throw ContractError.ALREADY_EXISTS.exception("exporter " + exporterId + " is already registered");
    }
    ExporterRecord record =
        new ExporterRecord(
            exporterId,
            "ACTIVE",
            CanonicalJson.parseObject(profileJson, "profile"),
            stub.getTxTimestamp().toString());
    byte[] bytes = CanonicalJson.toBytes(record);
    stub.putState(key, bytes);
    stub.setEvent(EXPORTER_REGISTERED, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Reads one exporter.
   *
   * @return the record as JSON; {@code NOT_FOUND} when there is none
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String readExporter(Context ctx, String exporterId) {
    requireId(exporterId);
    ChaincodeStub stub = ctx.getStub();
    byte[] bytes = stub.getState(stub.createCompositeKey(EXPORTER_KEY, exporterId).toString());
    if (bytes.length == 0) {
      throw ContractError.NOT_FOUND.exception("exporter " + exporterId + " is not registered");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void requireId(String exporterId) {
    if (!Identifiers.isValid(exporterId)) {
      throw ContractError.INVALID_ARGUMENT.exception("exporterId must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }
}
