package et.coffeeexport.chaincode.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.chaincode.testing.InMemoryLedger;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.Transition;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

/**
 * Every (status × action × organisation × role) cell through the real contract: a cell the
 * lifecycle table allows commits and moves the export where the table says; any other fails with
 * the lifecycle's stable code and leaves the ledger exactly as it was.
 */
class LifecycleCellsTest {

  @Test
  void everyCellOfTheStateMachineIsEnforcedByTheContract() {
    int allowed = 0;
    int refused = 0;
    for (ExportStatus status : ExportStatus.values()) {
      ExportWorld world = new ExportWorld();
      String normal = world.exportAt("EXP-" + status, status);
      assertThat(world.read(normal).status()).isEqualTo(status);
      // Above the four-eyes threshold National Bank's officer recommends instead of approving.
      String highValue =
          status == ExportStatus.QUALITY_CERTIFIED
              ? world.exportAt(
                  "EXP-HV-" + status, status, ExportWorld.request(150_000, "2026-11-20T08:00:00Z"))
              : normal;
      ExportStatus returnedFrom = world.read(normal).returnedFrom();
      InMemoryLedger.Snapshot prepared = world.ledger.snapshot();
      for (ExportAction action : ExportAction.values()) {
        String exportId = action == ExportAction.RECOMMEND_FOREIGN_EXCHANGE ? highValue : normal;
        for (Organisation org : Organisation.values()) {
          for (Role role : Role.values()) {
            world.ledger.restore(prepared);
            var caller = world.person(org, role);
            Optional<Transition> row =
                ExportLifecycle.transitions().stream()
                    .filter(
                        t ->
                            t.action() == action
                                && t.from() == status
                                && t.organisation() == org
                                && t.roles().contains(role))
                    .findFirst();
            String cell = status + " " + action + " by " + role + " of " + org;
            if (action == ExportAction.SUBMIT) {
              // An existing id cannot be filed again, whoever tries.
              assertThatThrownBy(() -> world.take(exportId, action, caller))
                  .as(cell)
                  .isInstanceOf(ChaincodeException.class);
              assertThat(world.ledger.snapshot()).as(cell).isEqualTo(prepared);
              refused++;
            } else if (row.isPresent()) {
              world.take(exportId, action, caller);
              ExportStatus expected = row.get().to() == null ? returnedFrom : row.get().to();
              assertThat(world.read(exportId).status()).as(cell).isEqualTo(expected);
              allowed++;
            } else {
              boolean anyRow =
                  ExportLifecycle.transitions().stream()
                      .anyMatch(t -> t.action() == action && t.from() == status);
              assertThatThrownBy(() -> world.take(exportId, action, caller))
                  .as(cell)
                  .isInstanceOf(ChaincodeException.class)
                  .hasMessageStartingWith(anyRow ? "NOT_AUTHORISED: " : "ILLEGAL_TRANSITION: ");
              assertThat(world.ledger.snapshot()).as(cell).isEqualTo(prepared);
              refused++;
            }
          }
        }
      }
    }
    assertThat(allowed + refused)
        .isEqualTo(ExportStatus.values().length * ExportAction.values().length * 6 * 3);
    assertThat(allowed).isGreaterThan(30);
  }

  @Test
  void onlyTheExporterFilesANewExport() {
    for (Organisation org : Organisation.values()) {
      for (Role role : Role.values()) {
        ExportWorld world = new ExportWorld();
        var caller = world.person(org, role);
        InMemoryLedger.Snapshot before = world.ledger.snapshot();
        if (org == Organisation.COMMERCIAL_BANK && role == Role.EXPORTER) {
          world.take("EXP-NEW", ExportAction.SUBMIT, caller);
          assertThat(world.read("EXP-NEW").status()).isEqualTo(ExportStatus.SUBMITTED);
        } else {
          assertThatThrownBy(() -> world.take("EXP-NEW", ExportAction.SUBMIT, caller))
              .isInstanceOf(ChaincodeException.class)
              .hasMessageMatching("(FORBIDDEN|NOT_AUTHORISED): .*");
          assertThat(world.ledger.snapshot()).isEqualTo(before);
        }
      }
    }
  }
}
