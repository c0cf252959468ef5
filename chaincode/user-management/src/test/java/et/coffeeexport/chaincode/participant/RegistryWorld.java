package et.coffeeexport.chaincode.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.chaincode.testing.InMemoryLedger;
import et.coffeeexport.chaincode.testing.TestIdentity;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A user-management ledger with an ECTA and a National Bank officer registered by their
 * administrators and one licensed exporter.
 */
final class RegistryWorld {
  static final String PROFILE =
      "{\"name\":\"Sidama Union Coffee Export\",\"licenceNumber\":\"ECTA-LIC-77\","
          + "\"licenceExpiry\":\"2027-06-30\",\"competenceCertificateNumber\":\"CC-2026-1\",\"competenceCertificateExpiry\":\"2027-06-30\",\"tin\":\"0012345678\",\"capitalEtb\":15000000}";
  static final String REASONS = "{\"reasons\":[\"proceeds not repatriated\"]}";

  final InMemoryLedger ledger = new InMemoryLedger();
  final ParticipantContract registry = new ParticipantContract();
  final TestIdentity ectaAdmin = TestIdentity.admin("EctaMSP");
  final TestIdentity nbeAdmin = TestIdentity.admin("NationalBankMSP");
  final TestIdentity ectaOfficer = TestIdentity.person("EctaMSP", "officer", "ecta-1");
  final TestIdentity nbeOfficer = TestIdentity.person("NationalBankMSP", "officer", "nbe-1");

  RegistryWorld() {
    ledger.submit(ectaAdmin, ctx -> registry.registerOfficer(ctx, "ecta-1", "officer", "kc-1"));
    ledger.submit(nbeAdmin, ctx -> registry.registerOfficer(ctx, "nbe-1", "officer", "kc-2"));
    ledger.submit(ectaOfficer, ctx -> registry.registerExporter(ctx, "EXPORTER-1", PROFILE));
  }

  /** The committed value of a registry key ({@code exporter}, {@code officer}, {@code buyer}). */
  String stored(String type, String... ids) {
    byte[] value = ledger.snapshot().state().get(key(type, ids));
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  static String key(String type, String... ids) {
    return "\u0000" + type + "\u0000" + String.join("\u0000", ids) + "\u0000";
  }

  String lastEvent() {
    return new String(ledger.lastEventPayload(), StandardCharsets.UTF_8);
  }

  void refused(String code, Runnable transaction) {
    InMemoryLedger.Snapshot before = ledger.snapshot();
    assertThatThrownBy(transaction::run)
        .isInstanceOf(ChaincodeException.class)
        .hasMessageStartingWith(code + ": ");
    assertThat(ledger.snapshot()).as("nothing changed").isEqualTo(before);
  }
}
