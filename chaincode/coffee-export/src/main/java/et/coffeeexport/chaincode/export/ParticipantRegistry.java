package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.util.List;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The participant registry, read from the {@code user-management} chaincode on the same channel.
 * Reads join this transaction's read set, so a decision taken while an exporter is being suspended
 * fails validation instead of slipping through. One transaction asks once, for both the caller and
 * the export's exporter: the Java shim tracks an invocation by transaction id, and consecutive
 * invocations from one transaction race under load.
 */
final class ParticipantRegistry {
  static final String CHAINCODE = "user-management";
  private final ChaincodeStub stub;
  private final Caller caller;
  private String exporterId = "-";
  private String buyerId = "-";
  private Standings answer;

  record Standings(String officer, String exporter, String buyer) {}

  ParticipantRegistry(ChaincodeStub stub, Caller caller) {
    this.stub = stub;
    this.caller = caller;
  }

  /** Names the exporter whose standing this transaction will need, before the first check. */
  ParticipantRegistry about(String exporterId) {
    if (!exporterId.equals(this.exporterId)) {
      this.exporterId = exporterId;
      this.answer = null;
    }
    return this;
  }

  /** Names the buyer whose blacklist entry this transaction will need, before the first check. */
  ParticipantRegistry buying(String buyerId) {
    if (!buyerId.equals(this.buyerId)) {
      this.buyerId = buyerId;
      this.answer = null;
    }
    return this;
  }

  /** Fails when the buyer is on ECTA's blacklist. */
  void requireBuyerNotBlacklisted(String buyerId) {
    if ("BLACKLISTED".equals(buying(buyerId).standings().buyer())) {
      throw ContractError.of(
          RefusalCode.BUYER_BLACKLISTED, "buyer " + buyerId + " is on ECTA's blacklist");
    }
  }

  /**
   * Records in the registry, within this transaction, that the proceeds of {@code exportId} are
   * overdue: the exporter becomes delinquent. The registry checks the caller is an active National
   * Bank officer; this is the transaction's one registry call.
   */
  void recordOverdueProceeds(String exporterId, String exportId) {
    Chaincode.Response response =
        stub.invokeChaincodeWithStringArgs(
            CHAINCODE,
            List.of("ParticipantContract:recordOverdueProceeds", exporterId, exportId),
            stub.getChannelId());
    if (response.getStatus() != Chaincode.Response.Status.SUCCESS) {
      String message = String.valueOf(response.getMessage());
      int colon = message.indexOf(':');
      RefusalCode code = RefusalCode.PRECONDITION_FAILED;
      for (RefusalCode e : RefusalCode.values()) {
        if (colon > 0 && message.substring(0, colon).endsWith(e.name())) {
          code = e;
        }
      }
      throw ContractError.of(code, "the participant registry refused: " + message);
    }
  }

  /** Fails unless the exporter is registered and {@code ACTIVE}. */
  void requireActiveExporter(String exporterId) {
    String status = about(exporterId).standings().exporter();
    if (!"ACTIVE".equals(status)) {
      throw ContractError.of(
          RefusalCode.EXPORTER_NOT_ACTIVE, "exporter " + exporterId + " is " + status);
    }
  }

  /** Fails unless the caller is registered as an active officer of their organisation. */
  void requireActiveOfficer(Caller officer) {
    String status = standings().officer();
    if (!"ACTIVE".equals(status)) {
      throw ContractError.of(
          RefusalCode.OFFICER_NOT_ACTIVE,
          "officer " + officer.enrollmentId() + " of " + officer.mspId() + " is " + status);
    }
  }

  private Standings standings() {
    if (answer == null) {
      boolean isOfficer = caller.role() == Role.OFFICER || caller.role() == Role.SUPERVISOR;
      String enrollmentId =
          isOfficer && caller.enrollmentId() != null ? caller.enrollmentId() : "-";
      Chaincode.Response response =
          stub.invokeChaincodeWithStringArgs(
              CHAINCODE,
              List.of(
                  "ParticipantContract:standings",
                  caller.mspId(),
                  enrollmentId,
                  exporterId,
                  buyerId),
              stub.getChannelId());
      if (response.getStatus() != Chaincode.Response.Status.SUCCESS) {
        throw new IllegalStateException(
            "the participant registry did not answer: " + response.getMessage());
      }
      answer = CanonicalJson.fromBytes(response.getPayload(), Standings.class);
    }
    return answer;
  }
}
