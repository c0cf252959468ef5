package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.ContractError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The participant registry, read from the {@code user-management} chaincode on the same channel.
 * Reads join this transaction's read set, so a decision taken while an exporter is being suspended
 * fails validation instead of slipping through.
 */
final class Registry {
  static final String CHAINCODE = "user-management";
  private final ChaincodeStub stub;

  Registry(ChaincodeStub stub) {
    this.stub = stub;
  }

  /** Fails unless the exporter is registered and {@code ACTIVE}. */
  void requireActiveExporter(String exporterId) {
    String status =
        field(call("ParticipantContract:exporterStatus", exporterId), "exporter " + exporterId);
    if (!"ACTIVE".equals(status)) {
      throw ContractError.EXPORTER_NOT_ACTIVE.exception("exporter " + exporterId + " is " + status);
    }
  }

  /** Fails unless the caller is registered as an active officer of their organisation. */
  void requireActiveOfficer(Caller caller) {
    String active =
        field(
            call(
                "ParticipantContract:officerStatus",
                caller.mspId(),
                String.valueOf(caller.enrollmentId())),
            "officer " + caller.enrollmentId());
    if (!"ACTIVE".equals(active)) {
      throw ContractError.OFFICER_NOT_ACTIVE.exception(
          "officer " + caller.enrollmentId() + " of " + caller.mspId() + " is " + active);
    }
  }

  private Chaincode.Response call(String function, String... args) {
    List<String> call = new java.util.ArrayList<>();
    call.add(function);
    call.addAll(List.of(args));
    return stub.invokeChaincodeWithStringArgs(CHAINCODE, call, stub.getChannelId());
  }

  private static String field(Chaincode.Response response, String what) {
    if (response.getStatus() == Chaincode.Response.Status.SUCCESS) {
      return new String(response.getPayload(), StandardCharsets.UTF_8);
    }
    String message = response.getMessage() == null ? "" : response.getMessage();
    if (message.contains("NOT_FOUND")) {
      return "NOT_REGISTERED";
    }
    throw new IllegalStateException(
        "the participant registry did not answer for " + what + ": " + message);
  }
}
