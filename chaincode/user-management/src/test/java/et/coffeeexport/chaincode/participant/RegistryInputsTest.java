package et.coffeeexport.chaincode.participant;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.testing.TestIdentity;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * What the registry refuses before writing: malformed identifiers, profiles and reasons at and
 * beyond their limits, and standing changes by officers not registered active.
 */
class RegistryInputsTest {
  private final RegistryWorld w = new RegistryWorld();
  private static final String BAD_ID = "bad id!";

  @Test
  void refusesMalformedIdentifiersOfExportersOfficersBuyersAndExports() {
    w.refused(
        "INVALID_ARGUMENT",
        () ->
            w.ledger.submit(
                w.ectaOfficer,
                ctx -> w.registry.registerExporter(ctx, BAD_ID, RegistryWorld.PROFILE)));
    w.refused(
        "INVALID_ARGUMENT",
        () ->
            w.ledger.submit(
                w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, BAD_ID, "officer", "kc-3")));
    w.refused(
        "INVALID_ARGUMENT",
        () ->
            w.ledger.submit(
                w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-3", "officer", BAD_ID)));
    w.refused(
        "INVALID_ARGUMENT",
        () ->
            w.ledger.submit(
                w.ectaOfficer,
                ctx ->
                    w.registry.blacklistBuyer(ctx, BAD_ID, "Bad Payer Ltd", "GB", "non-payment")));
    w.refused(
        "INVALID_ARGUMENT",
        () ->
            w.ledger.submit(
                w.nbeOfficer, ctx -> w.registry.recordOverdueProceeds(ctx, "EXPORTER-1", BAD_ID)));
  }

  private String register(String exporterId, String profile) {
    return w.ledger.submit(
        w.ectaOfficer, ctx -> w.registry.registerExporter(ctx, exporterId, profile));
  }

  @Test
  void aProfileNamesTheExporterInAtMostTwoHundredCharacters() {
    String name = "Sidama Union Coffee Export";
    register("EXPORTER-200", RegistryWorld.PROFILE.replace(name, "N".repeat(200)));
    assertThat(w.stored("exporter", "EXPORTER-200")).contains("N".repeat(200));
    w.refused(
        "INVALID_ARGUMENT",
        () -> register("EXPORTER-201", RegistryWorld.PROFILE.replace(name, "N".repeat(201))));
    w.refused(
        "INVALID_ARGUMENT", () -> register("EXPORTER-0", RegistryWorld.PROFILE.replace(name, " ")));
  }

  @Test
  void aProfileStatesAPositiveCapital() {
    register("EXPORTER-C1", RegistryWorld.PROFILE.replace("15000000", "1"));
    assertThat(w.stored("exporter", "EXPORTER-C1")).contains("\"capitalEtb\":1,");
    w.refused(
        "INVALID_ARGUMENT",
        () -> register("EXPORTER-C0", RegistryWorld.PROFILE.replace("15000000", "0")));
  }

  private String delinquent(String reasonsJson) {
    return w.ledger.submit(
        w.nbeOfficer,
        ctx -> w.registry.changeExporterStanding(ctx, "EXPORTER-1", "DELINQUENT", reasonsJson));
  }

  @Test
  void aStandingChangeGivesReasonsOfAtMostFiveHundredCharactersAndRecordsThem() {
    String longest = "r".repeat(500);
    w.refused("INVALID_ARGUMENT", () -> delinquent("{\"reasons\":[\"" + longest + "r\"]}"));
    w.refused("INVALID_ARGUMENT", () -> delinquent("{\"reasons\":[\" \"]}"));
    w.refused("INVALID_ARGUMENT", () -> delinquent("{}"));
    String reasons =
        "{\"reasons\":[" + String.join(",", Collections.nCopies(2, "\"" + longest + "\"")) + "]}";
    String changed = delinquent(reasons);
    assertThat(changed).contains("\"lastReasons\":[\"" + longest + "\",\"" + longest + "\"]");
  }

  @Test
  void refusesAStandingChangeByAnOfficerNotRegisteredActive() {
    TestIdentity stranger = TestIdentity.person("NationalBankMSP", "officer", "nbe-ghost");
    w.refused(
        "OFFICER_NOT_ACTIVE",
        () ->
            w.ledger.submit(
                stranger,
                ctx ->
                    w.registry.changeExporterStanding(
                        ctx, "EXPORTER-1", "DELINQUENT", RegistryWorld.REASONS)));
    w.ledger.submit(w.nbeAdmin, ctx -> w.registry.deactivateOfficer(ctx, "nbe-1"));
    w.refused("OFFICER_NOT_ACTIVE", () -> delinquent(RegistryWorld.REASONS));
    TestIdentity exporterRole =
        TestIdentity.person(
            "NationalBankMSP", "exporter", "nbe-1", java.util.Map.of("exporterId", "EXPORTER-1"));
    w.refused(
        "FORBIDDEN",
        () ->
            w.ledger.submit(
                exporterRole,
                ctx ->
                    w.registry.changeExporterStanding(
                        ctx, "EXPORTER-1", "ACTIVE", RegistryWorld.REASONS)));
  }

  @Test
  void aRegisteredSupervisorChangesStandingsLikeAnOfficer() {
    w.ledger.submit(
        w.ectaAdmin, ctx -> w.registry.registerOfficer(ctx, "ecta-sup", "supervisor", "kc-5"));
    TestIdentity supervisor = TestIdentity.person("EctaMSP", "supervisor", "ecta-sup");
    String suspended =
        w.ledger.submit(
            supervisor,
            ctx ->
                w.registry.changeExporterStanding(
                    ctx, "EXPORTER-1", "SUSPENDED", "{\"reasons\":[\"licence audit\"]}"));
    assertThat(suspended).contains("\"standing\":\"SUSPENDED\"");
  }
}
