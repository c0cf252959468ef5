package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.EventName;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ECTA extends an export's shipment deadline: oversight that keeps the status, records the new
 * {@code shipmentDue} with its signer in the trail, and refuses anyone else, an earlier or equal
 * date, a longer extension than the rule set allows, a date already passed, and a shipped export.
 */
class ShipmentDeadlineExtensionTest {
  private final ExportWorld world = new ExportWorld();

  private LocalDate due(String exportId) {
    return LocalDate.parse(world.read(exportId).fact(ExportFacts.SHIPMENT_DUE));
  }

  private String extend(String exportId, LocalDate to, String reasons) {
    return world.ledger.submit(
        world.officer(ECTA),
        ctx ->
            world.exports.extendShipmentDeadline(
                ctx, exportId, "{\"newShipmentDate\":\"" + to + "\",\"reasons\":" + reasons + "}"));
  }

  private String extend(String exportId, LocalDate to) {
    return extend(exportId, to, "[\"vessel delayed at Djibouti\"]");
  }

  @Test
  void ectasOfficerExtendsAClearedExportsDeadlineAndTheTrailNamesThem() {
    world.exportAt("EXP-X1", ExportStatus.CUSTOMS_CLEARED);
    LocalDate extended = due("EXP-X1").plusDays(30);
    int before = world.read("EXP-X1").decisions();

    String answer = extend("EXP-X1", extended);

    var export = world.read("EXP-X1");
    assertThat(export.status()).isEqualTo(ExportStatus.CUSTOMS_CLEARED);
    assertThat(export.fact(ExportFacts.SHIPMENT_DUE)).isEqualTo(extended.toString());
    assertThat(export.decisions()).isEqualTo(before + 1);
    assertThat(answer)
        .contains("\"shipmentDue\":\"" + extended + "\"", "\"decisions\":" + (before + 1));
    assertThat(world.ledger.lastEventName())
        .isEqualTo(EventName.EXPORT_SHIPMENT_DEADLINE_EXTENDED.text());
    DecisionEntry entry = world.lastDecision("EXP-X1");
    assertThat(entry.action()).isEqualTo("EXTEND_SHIPMENT_DEADLINE");
    assertThat(entry.organisation()).isEqualTo("EctaMSP");
    assertThat(entry.role()).isEqualTo(Role.OFFICER);
    assertThat(entry.enrollmentId()).isEqualTo("ecta-officer");
    assertThat(entry.from()).isEqualTo(ExportStatus.CUSTOMS_CLEARED);
    assertThat(entry.to()).isEqualTo(ExportStatus.CUSTOMS_CLEARED);
    assertThat(entry.reasons()).containsExactly("vessel delayed at Djibouti");
    assertThat(entry.details()).isEqualTo(Map.of(ExportFacts.SHIPMENT_DUE, extended.toString()));
    assertThat(entry.ruleApplied()).containsExactly("ruleset:1");
  }

  @Test
  void theExtensionIsOversightTheShippingStagesRecordIsNotWritten() {
    world.exportAt("EXP-X2", ExportStatus.SHIPMENT_BOOKED);
    extend("EXP-X2", due("EXP-X2").plusDays(5));
    assertThat(world.ledger.lastWriteSet().keySet())
        .contains("\u0000" + Keys.OVERSIGHT + "\u0000EXP-X2\u0000")
        .doesNotContain("\u0000" + Keys.EXPORT + "\u0000EXP-X2\u0000");
  }

  @Test
  void laterStagesAndACancellationKeepTheExtendedDeadline() {
    world.exportAt("EXP-X3", ExportStatus.CUSTOMS_CLEARED);
    LocalDate extended = due("EXP-X3").plusDays(60);
    extend("EXP-X3", extended);
    world.take("EXP-X3", ExportAction.BOOK_SHIPMENT, world.officer(SHIPPING_LINE));
    assertThat(due("EXP-X3")).isEqualTo(extended);
    world.take("EXP-X3", ExportAction.CANCEL, world.officer(ECTA));
    assertThat(world.read("EXP-X3").status()).isEqualTo(ExportStatus.CANCELLED);
    assertThat(due("EXP-X3")).isEqualTo(extended);
  }

  @Test
  void aSecondExtensionCountsFromTheExtendedDeadline() {
    world.exportAt("EXP-X4", ExportStatus.CUSTOMS_CLEARED);
    LocalDate first = due("EXP-X4").plusDays(60);
    extend("EXP-X4", first);
    extend("EXP-X4", first.plusDays(60));
    assertThat(due("EXP-X4")).isEqualTo(first.plusDays(60));
  }

  @Test
  void ectaMayExtendFromRegistrationOnAlsoWhileALaterStageHasTheExportBack() {
    world.exportAt("EXP-X5", ExportStatus.ECTA_APPROVED);
    extend("EXP-X5", due("EXP-X5").plusDays(1));
    world.take("EXP-X5", ExportAction.RETURN_FOR_AMENDMENT, world.officer(ECX));
    extend("EXP-X5", due("EXP-X5").plusDays(1));
    assertThat(world.read("EXP-X5").status()).isEqualTo(ExportStatus.RETURNED_FOR_AMENDMENT);
    assertThat(world.read("EXP-X5").returnedFrom()).isEqualTo(ExportStatus.ECTA_APPROVED);
  }

  @Test
  void refusesAnyoneButEcta() {
    world.exportAt("EXP-R1", ExportStatus.CUSTOMS_CLEARED);
    String input = world.extension("EXP-R1", 10);
    for (var caller :
        new et.coffeeexport.chaincode.testing.TestIdentity[] {
          world.officer(SHIPPING_LINE), world.officer(NATIONAL_BANK), world.exporter()
        }) {
      world.refused(
          "NOT_AUTHORISED",
          () ->
              world.ledger.submit(
                  caller, ctx -> world.exports.extendShipmentDeadline(ctx, "EXP-R1", input)));
    }
  }

  @Test
  void refusesADateThatIsNotLater() {
    world.exportAt("EXP-R2", ExportStatus.CUSTOMS_CLEARED);
    LocalDate due = due("EXP-R2");
    world.refused("INVALID_ARGUMENT", () -> extend("EXP-R2", due));
    world.refused("INVALID_ARGUMENT", () -> extend("EXP-R2", due.minusDays(1)));
  }

  @Test
  void refusesALongerExtensionThanTheRuleSetAllows() {
    world.exportAt("EXP-R3", ExportStatus.SHIPMENT_BOOKED);
    LocalDate tooLate = due("EXP-R3").plusDays(61);
    world.refused("INVALID_ARGUMENT", () -> extend("EXP-R3", tooLate));
  }

  @Test
  void refusesADateAlreadyPassedAtTheTransactionsTime() {
    world.exportAt("EXP-R4", ExportStatus.CUSTOMS_CLEARED);
    LocalDate due = due("EXP-R4");
    world.ledger.setTime(due.plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
    world.refused("INVALID_ARGUMENT", () -> extend("EXP-R4", due.plusDays(19)));
    extend("EXP-R4", due.plusDays(20));
    assertThat(due("EXP-R4")).isEqualTo(due.plusDays(20));
  }

  @Test
  void refusesAShippedExport() {
    world.exportAt("EXP-R5", ExportStatus.SHIPPED);
    LocalDate later = due("EXP-R5").plusDays(10);
    world.refused("ILLEGAL_TRANSITION", () -> extend("EXP-R5", later));
  }

  @Test
  void refusesAnExtensionBeforeTheContractIsRegistered() {
    world.exportAt("EXP-R6", ExportStatus.BANK_VERIFIED);
    world.refused("ILLEGAL_TRANSITION", () -> extend("EXP-R6", LocalDate.parse("2027-03-01")));
    world.take("EXP-R6", ExportAction.RETURN_FOR_AMENDMENT, world.officer(ECTA));
    world.refused("ILLEGAL_TRANSITION", () -> extend("EXP-R6", LocalDate.parse("2027-03-01")));
  }

  @Test
  void refusesAnExtensionWithoutReasonsOrDate() {
    world.exportAt("EXP-R7", ExportStatus.CUSTOMS_CLEARED);
    LocalDate later = due("EXP-R7").plusDays(10);
    world.refused("INVALID_ARGUMENT", () -> extend("EXP-R7", later, "[]"));
    world.refused(
        "INVALID_ARGUMENT",
        () ->
            world.ledger.submit(
                world.officer(ECTA),
                ctx ->
                    world.exports.extendShipmentDeadline(
                        ctx, "EXP-R7", "{\"newShipmentDate\":\"1 March\",\"reasons\":[\"x\"]}")));
  }

  @Test
  void aReplayedExtensionIsAnsweredNotTakenAgain() {
    world.exportAt("EXP-S1", ExportStatus.CUSTOMS_CLEARED);
    var ecta = world.officer(ECTA);
    String first =
        world.take(
            "EXP-S1", ExportAction.EXTEND_SHIPMENT_DEADLINE, ecta, StepReplayTest.step("job-1"));
    int decisions = world.read("EXP-S1").decisions();
    String again =
        world.take(
            "EXP-S1", ExportAction.EXTEND_SHIPMENT_DEADLINE, ecta, StepReplayTest.step("job-1"));
    assertThat(again).isEqualTo(world.readJson("EXP-S1"));
    assertThat(first).contains("\"shipmentDue\":\"" + due("EXP-S1") + "\"");
    assertThat(world.read("EXP-S1").decisions()).isEqualTo(decisions);
  }
}
