package et.coffeeexport.chaincode.participant;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.EndorsementPolicies;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Every registry transaction stores one record, returns it, announces it in its one event with the
 * same bytes, and gives a new key the policy chaincode/README.md names for its kind.
 */
class RegistryWritesTest {
  private final RegistryWorld w = new RegistryWorld();

  private void returnsWhatItStored(String returned, String event, String type, String... ids) {
    assertThat(returned).as(event).isEqualTo(w.stored(type, ids));
    assertThat(w.ledger.lastEventName()).isEqualTo(event);
    assertThat(w.lastEvent()).as(event).isEqualTo(returned);
  }

  @Test
  void anExporterEntryIsReturnedAsStoredAndNeedsEctaOrNationalBankWithAWitness() {
    Instant at = w.ledger.time();
    String registered =
        w.ledger.submit(
            w.ectaOfficer,
            ctx -> w.registry.registerExporter(ctx, "EXPORTER-2", RegistryWorld.PROFILE));
    returnsWhatItStored(registered, "ExporterRegistered", "exporter", "EXPORTER-2");
    assertThat(registered)
        .contains("\"registeredAt\":\"" + at + "\"", "\"updatedAt\":\"" + at + "\"")
        .contains("\"standing\":\"ACTIVE\"");
    assertThat(
            w.ledger.<String>evaluate(
                w.nbeOfficer, ctx -> w.registry.readExporter(ctx, "EXPORTER-2")))
        .isEqualTo(registered);
    byte[] policy = EndorsementPolicies.entitledWithWitness(EnumSet.of(ECTA, NATIONAL_BANK));
    assertThat(w.ledger.policyOf(RegistryWorld.key("exporter", "EXPORTER-2"))).isEqualTo(policy);

    String changed =
        w.ledger.submit(
            w.nbeOfficer,
            ctx ->
                w.registry.changeExporterStanding(
                    ctx, "EXPORTER-2", "DELINQUENT", RegistryWorld.REASONS));
    returnsWhatItStored(changed, "ExporterStandingChanged", "exporter", "EXPORTER-2");
    assertThat(changed).contains("\"lastReasons\":[\"proceeds not repatriated\"]");
    assertThat(w.ledger.policyOf(RegistryWorld.key("exporter", "EXPORTER-2")))
        .as("a change keeps the policy")
        .isEqualTo(policy);
  }

  @Test
  void anOverdueRecordIsReturnedAsStoredAndARepeatReturnsItUnchanged() {
    String delinquent =
        w.ledger.submit(
            w.nbeOfficer, ctx -> w.registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-1"));
    returnsWhatItStored(delinquent, "ExporterDelinquent", "exporter", "EXPORTER-1");
    assertThat(delinquent)
        .contains("\"standing\":\"DELINQUENT\"", "\"overdueExports\":[\"EXP-1\"]")
        .contains("\"lastReasons\":[\"proceeds of EXP-1 overdue\"]");
    String again =
        w.ledger.submit(
            w.nbeOfficer, ctx -> w.registry.recordOverdueProceeds(ctx, "EXPORTER-1", "EXP-1"));
    assertThat(again).isEqualTo(delinquent).isEqualTo(w.stored("exporter", "EXPORTER-1"));
  }

  @Test
  void anOfficerEntryIsReturnedAsStoredAndNeedsItsOwnOrganisationWithAWitness() {
    Instant at = w.ledger.time();
    String registered =
        w.ledger.submit(
            w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-2", "supervisor", "kc-7"));
    returnsWhatItStored(registered, "OfficerRegistered", "officer", "EctaMSP", "ecta-2");
    assertThat(registered)
        .isEqualTo(
            "{\"active\":true,\"enrollmentId\":\"ecta-2\",\"mspId\":\"EctaMSP\",\"role\":\"SUPERVISOR\","
                + "\"updatedAt\":\""
                + at
                + "\",\"userId\":\"kc-7\"}");
    byte[] policy = EndorsementPolicies.entitledWithWitness(EnumSet.of(ECTA));
    assertThat(w.ledger.policyOf(RegistryWorld.key("officer", "EctaMSP", "ecta-2")))
        .isEqualTo(policy);

    String deactivated =
        w.ledger.submit(w.ectaAdmin, ctx -> w.registry.deactivateOfficer(ctx, "ecta-2"));
    returnsWhatItStored(deactivated, "OfficerDeactivated", "officer", "EctaMSP", "ecta-2");
    assertThat(deactivated).contains("\"active\":false");
    assertThat(w.ledger.policyOf(RegistryWorld.key("officer", "EctaMSP", "ecta-2")))
        .isEqualTo(policy);
  }

  @Test
  void aBlacklistEntryIsReturnedAsStoredAndNeedsEctaWithAWitness() {
    String blacklisted =
        w.ledger.submit(
            w.ectaOfficer,
            ctx -> w.registry.blacklistBuyer(ctx, "BUYER-9", "Bad Payer Ltd", "GB", "non-payment"));
    returnsWhatItStored(blacklisted, "BuyerBlacklisted", "buyer", "BUYER-9");
    assertThat(w.ledger.<String>evaluate(w.nbeOfficer, ctx -> w.registry.readBuyer(ctx, "BUYER-9")))
        .isEqualTo(blacklisted);
    byte[] policy = EndorsementPolicies.entitledWithWitness(EnumSet.of(ECTA));
    assertThat(w.ledger.policyOf(RegistryWorld.key("buyer", "BUYER-9"))).isEqualTo(policy);

    String removed =
        w.ledger.submit(
            w.ectaOfficer, ctx -> w.registry.removeBuyerFromBlacklist(ctx, "BUYER-9", "settled"));
    returnsWhatItStored(removed, "BuyerRemovedFromBlacklist", "buyer", "BUYER-9");
    assertThat(removed).contains("\"blacklisted\":false", "\"reason\":\"settled\"");
    assertThat(w.ledger.policyOf(RegistryWorld.key("buyer", "BUYER-9"))).isEqualTo(policy);
  }
}
