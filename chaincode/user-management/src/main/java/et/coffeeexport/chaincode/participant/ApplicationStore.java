package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.ExporterProfile;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * Licence applications on the registry's ledger: one key per application under its exporter ({@code
 * application/<exporterId>/<applicationId>}), so an exporter's applications are one range.
 */
final class ApplicationStore {
  static final String APPLICATION = "application";

  /**
   * Who may change an application: the exporter applies and anchors through Commercial Bank, ECTA
   * decides; each with a witness. Once decided, only ECTA's side could change it (and its rules say
   * nothing changes a decided application).
   */
  static final Set<Organisation> WHILE_SUBMITTED =
      EnumSet.of(Organisation.COMMERCIAL_BANK, Organisation.ECTA);

  static final Set<Organisation> ONCE_DECIDED = EnumSet.of(Organisation.ECTA);

  /** What an exporter asks for: a registration's whole profile, or a renewal's new expiry days. */
  record Request(
      ApplicationKind kind,
      ExporterProfile profile,
      String licenceExpiry,
      String competenceCertificateExpiry) {}

  final ParticipantStore registry;

  ApplicationStore(ParticipantStore registry) {
    this.registry = registry;
  }

  String key(String exporterId, String applicationId) {
    return registry.key(APPLICATION, exporterId, applicationId);
  }

  LicenceApplication read(String exporterId, String applicationId) {
    return registry.read(
        key(exporterId, applicationId),
        LicenceApplication.class,
        "application " + applicationId + " of " + exporterId);
  }

  /** Every application of the exporter, in the order of their ids. */
  List<LicenceApplication> applicationsOf(String exporterId) {
    List<LicenceApplication> found = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> range =
        registry.stub.getStateByPartialCompositeKey(
            registry.stub.createCompositeKey(APPLICATION, exporterId))) {
      for (KeyValue kv : range) {
        found.add(CanonicalJson.fromBytes(kv.getValue(), LicenceApplication.class));
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("range query failed", e);
    }
    return found;
  }

  /** Writes an application; its policy becomes {@code entitled}'s when given. */
  byte[] write(LicenceApplication application, Set<Organisation> entitled) {
    return registry.write(
        key(application.exporterId(), application.applicationId()), application, entitled);
  }

  static ApplicationStore of(org.hyperledger.fabric.contract.Context ctx) {
    return new ApplicationStore(new ParticipantStore(ctx));
  }

  /**
   * The exporter id the caller acts for on its application {@code applicationId}: an exporter's
   * own, from its certificate. Anyone else is {@code FORBIDDEN}; a malformed id {@code
   * INVALID_ARGUMENT}.
   */
  String applicant(String applicationId, String what) {
    var caller = registry.caller;
    if (caller.role() != Role.EXPORTER || caller.exporterId() == null) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "only an exporter, for itself, may " + what);
    }
    ParticipantContract.requireId(caller.exporterId(), "the certificate's exporterId");
    ParticipantContract.requireId(applicationId, "applicationId");
    return caller.exporterId();
  }

  /** An exporter reads only its own applications; members' officers read any. */
  void requireReader(String exporterId) {
    var caller = registry.caller;
    if (caller.role() == Role.EXPORTER && !exporterId.equals(caller.exporterId())) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "an exporter reads only its own applications");
    }
  }
}
