package et.coffeeexport.domain;

import static et.coffeeexport.domain.ExportAction.*;
import static et.coffeeexport.domain.ExportStatus.*;
import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportLifecycleTest {
  private static final int ROUNDS = 2;
  private static final Actor EXPORTER = new Actor(COMMERCIAL_BANK, Role.EXPORTER);

  private static Actor officerOf(Organisation org) {
    return new Actor(org, Role.OFFICER);
  }

  private static ExportState at(ExportStatus status) {
    return new ExportState(status, null, 0);
  }

  private static ExportState accept(ExportState state, ExportAction action, Actor actor) {
    Decision decision = ExportLifecycle.decide(state, action, actor, ROUNDS);
    assertThat(decision)
        .as("%s by %s from %s", action, actor, state)
        .isInstanceOf(Decision.Accepted.class);
    return ((Decision.Accepted) decision).next();
  }

  private static Decision.Rejected reject(ExportState state, ExportAction action, Actor actor) {
    Decision decision = ExportLifecycle.decide(state, action, actor, ROUNDS);
    assertThat(decision)
        .as("%s by %s from %s", action, actor, state)
        .isInstanceOf(Decision.Rejected.class);
    return (Decision.Rejected) decision;
  }

  @Test
  void walksTheHappyPathInTheOwnersOrder() {
    ExportState s = accept(null, SUBMIT, EXPORTER);
    s = accept(s, VERIFY_AT_BANK, officerOf(COMMERCIAL_BANK));
    s = accept(s, APPROVE_COMPLIANCE, officerOf(ECTA));
    s = accept(s, CERTIFY_QUALITY, officerOf(ECX));
    s = accept(s, APPROVE_FOREIGN_EXCHANGE, officerOf(NATIONAL_BANK));
    s = accept(s, CLEAR_CUSTOMS, officerOf(CUSTOM_AUTHORITIES));
    s = accept(s, BOOK_SHIPMENT, officerOf(SHIPPING_LINE));
    s = accept(s, SHIP, officerOf(SHIPPING_LINE));
    s = accept(s, RECORD_TRACKING_MILESTONE, officerOf(SHIPPING_LINE));
    assertThat(s.status()).isEqualTo(ExportStatus.SHIPPED);
    s = accept(s, CONFIRM_ARRIVAL, officerOf(SHIPPING_LINE));
    s = accept(s, RECORD_REPATRIATION, officerOf(COMMERCIAL_BANK));
    assertThat(s.status()).isEqualTo(COMPLETED);
    assertThat(s.status().isFinal()).isTrue();
  }

  @Test
  void refusesCustomsTakingEcxsStep() {
    var rejected = reject(at(ECTA_APPROVED), CERTIFY_QUALITY, officerOf(CUSTOM_AUTHORITIES));
    assertThat(rejected.code()).isEqualTo(RefusalCode.NOT_AUTHORISED);
  }

  @Test
  void refusesSkippingAStage() {
    var rejected = reject(at(BANK_VERIFIED), CERTIFY_QUALITY, officerOf(ECX));
    assertThat(rejected.code()).isEqualTo(RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void returnedExportReEntersTheStageThatReturnedIt() {
    ExportState returned =
        accept(at(QUALITY_CERTIFIED), RETURN_FOR_AMENDMENT, officerOf(NATIONAL_BANK));
    assertThat(returned).isEqualTo(new ExportState(RETURNED_FOR_AMENDMENT, QUALITY_CERTIFIED, 1));
    assertThat(accept(returned, AMEND, EXPORTER))
        .isEqualTo(new ExportState(QUALITY_CERTIFIED, null, 1));
  }

  @Test
  void limitsAmendmentRoundsByTheRuleInForce() {
    ExportState s = at(SUBMITTED);
    for (int round = 1; round <= ROUNDS; round++) {
      s = accept(accept(s, RETURN_FOR_AMENDMENT, officerOf(COMMERCIAL_BANK)), AMEND, EXPORTER);
    }
    var rejected = reject(s, RETURN_FOR_AMENDMENT, officerOf(COMMERCIAL_BANK));
    assertThat(rejected.code()).isEqualTo(RefusalCode.AMENDMENT_ROUNDS_EXCEEDED);
    assertThat(
            ExportLifecycle.decide(s, RETURN_FOR_AMENDMENT, officerOf(COMMERCIAL_BANK), ROUNDS + 1)
                .isAccepted())
        .as("a higher limit in a newer rule version allows another round")
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportStatus.class,
      names = {"SHIPPED", "ARRIVED", "COMPLETED", "REJECTED", "CANCELLED"})
  void nothingIsCancelledAfterShipment(ExportStatus status) {
    for (Actor actor :
        List.of(
            EXPORTER,
            officerOf(ECTA),
            officerOf(NATIONAL_BANK),
            new Actor(ECTA, Role.SUPERVISOR))) {
      assertThat(ExportLifecycle.decide(at(status), CANCEL, actor, ROUNDS).isAccepted()).isFalse();
    }
  }

  @Test
  void exporterMayCancelOnlyBeforeClearanceButRegulatorsUntilShipment() {
    assertThat(accept(at(FX_APPROVED), CANCEL, EXPORTER).status()).isEqualTo(CANCELLED);
    assertThat(reject(at(CUSTOMS_CLEARED), CANCEL, EXPORTER).code())
        .isEqualTo(RefusalCode.NOT_AUTHORISED);
    assertThat(accept(at(SHIPMENT_BOOKED), CANCEL, officerOf(ECTA)).status()).isEqualTo(CANCELLED);
    assertThat(accept(at(SHIPMENT_BOOKED), CANCEL, officerOf(NATIONAL_BANK)).status())
        .isEqualTo(CANCELLED);
    assertThat(reject(at(SUBMITTED), CANCEL, officerOf(ECX)).code())
        .isEqualTo(RefusalCode.NOT_AUTHORISED);
  }

  @Test
  void supervisorsMayDoWhatTheirOfficersDoButExportersMayNot() {
    assertThat(
            accept(at(BANK_VERIFIED), APPROVE_COMPLIANCE, new Actor(ECTA, Role.SUPERVISOR))
                .status())
        .isEqualTo(ECTA_APPROVED);
    assertThat(reject(at(SUBMITTED), VERIFY_AT_BANK, EXPORTER).code())
        .isEqualTo(RefusalCode.NOT_AUTHORISED);
  }

  @Test
  void actingOrganisationsAreThoseTheTableLetsMoveTheExport() {
    assertThat(ExportLifecycle.organisationsActingOn(ECTA_APPROVED))
        .containsExactlyInAnyOrder(ECX, COMMERCIAL_BANK, ECTA, NATIONAL_BANK);
    assertThat(ExportLifecycle.organisationsActingOn(SHIPPED))
        .as("National Bank watches the proceeds")
        .containsExactlyInAnyOrder(SHIPPING_LINE, COMMERCIAL_BANK, NATIONAL_BANK);
    assertThat(ExportLifecycle.organisationsAdvancing(SHIPPED))
        .as("finding proceeds overdue is oversight: it does not move the export")
        .containsExactlyInAnyOrder(SHIPPING_LINE, COMMERCIAL_BANK);
    assertThat(ExportLifecycle.organisationsOverseeing())
        .containsExactlyInAnyOrder(COMMERCIAL_BANK, ECTA, NATIONAL_BANK);
    assertThat(ExportLifecycle.organisationsActingOn(COMPLETED)).isEmpty();
  }

  @Test
  void aRefusedStepSaysWhetherTheExportIsMissingOrInTheWrongStatus() {
    assertThat(reject(null, VERIFY_AT_BANK, officerOf(COMMERCIAL_BANK)))
        .isEqualTo(
            new Decision.Rejected(
                RefusalCode.ILLEGAL_TRANSITION, "VERIFY_AT_BANK needs an existing export"));
    assertThat(reject(at(COMPLETED), VERIFY_AT_BANK, officerOf(COMMERCIAL_BANK)))
        .isEqualTo(
            new Decision.Rejected(
                RefusalCode.ILLEGAL_TRANSITION,
                "cannot VERIFY_AT_BANK an export that is COMPLETED"));
  }

  @Test
  void theExportersBankEctaAndNationalBankAreTheOrganisationsThatCancel() {
    assertThat(ExportLifecycle.organisationsCancelling())
        .containsExactlyInAnyOrder(COMMERCIAL_BANK, ECTA, NATIONAL_BANK);
  }

  /**
   * Every (status × action × organisation × role) cell: accepted exactly where a table row permits
   * it.
   */
  @Test
  void everyCellIsDecidedByTheTableWithAStableCode() {
    List<ExportStatus> statuses = new ArrayList<>(Stream.of(ExportStatus.values()).toList());
    statuses.add(null);
    int cells = 0;
    for (ExportStatus status : statuses) {
      // Returned by a stage after the contract's registration, where every row from
      // RETURNED_FOR_AMENDMENT applies (the shipment deadline runs).
      ExportState state =
          status == null
              ? null
              : new ExportState(
                  status, status == RETURNED_FOR_AMENDMENT ? QUALITY_CERTIFIED : null, 0);
      for (ExportAction action : ExportAction.values()) {
        boolean anyRowFrom =
            ExportLifecycle.transitions().stream()
                .anyMatch(t -> t.action() == action && t.from() == status);
        for (Organisation org : Organisation.values()) {
          for (Role role : Role.values()) {
            Actor actor = new Actor(org, role);
            boolean permitted =
                ExportLifecycle.transitions().stream()
                    .anyMatch(t -> t.action() == action && t.from() == status && t.permits(actor));
            Decision decision = ExportLifecycle.decide(state, action, actor, ROUNDS);
            cells++;
            if (permitted) {
              assertThat(decision)
                  .as("%s %s by %s", status, action, actor)
                  .isInstanceOf(Decision.Accepted.class);
            } else {
              assertThat(decision)
                  .as("%s %s by %s", status, action, actor)
                  .isInstanceOf(Decision.Rejected.class);
              assertThat(((Decision.Rejected) decision).code())
                  .isEqualTo(
                      anyRowFrom ? RefusalCode.NOT_AUTHORISED : RefusalCode.ILLEGAL_TRANSITION);
            }
          }
        }
      }
    }
    assertThat(cells)
        .isEqualTo((ExportStatus.values().length + 1) * ExportAction.values().length * 6 * 3);
  }

  @Test
  void ectaExtendsTheShipmentDeadlineFromRegistrationUntilShipmentAndTheStatusStays() {
    for (ExportStatus status :
        List.of(ECTA_APPROVED, QUALITY_CERTIFIED, FX_APPROVED, CUSTOMS_CLEARED, SHIPMENT_BOOKED)) {
      assertThat(accept(at(status), EXTEND_SHIPMENT_DEADLINE, officerOf(ECTA)))
          .isEqualTo(at(status));
      assertThat(accept(at(status), EXTEND_SHIPMENT_DEADLINE, new Actor(ECTA, Role.SUPERVISOR)))
          .isEqualTo(at(status));
    }
    ExportState returnedByEcx = new ExportState(RETURNED_FOR_AMENDMENT, ECTA_APPROVED, 1);
    assertThat(accept(returnedByEcx, EXTEND_SHIPMENT_DEADLINE, officerOf(ECTA)))
        .as("the amendment round and the stage it re-enters are kept")
        .isEqualTo(returnedByEcx);
    assertThat(ExportLifecycle.OVERSIGHT).contains(EXTEND_SHIPMENT_DEADLINE);
    assertThat(ExportLifecycle.organisationsAdvancing(CUSTOMS_CLEARED))
        .as("extending is oversight: ECTA does not endorse the shipping stages' record")
        .containsExactly(SHIPPING_LINE);
  }

  @Test
  void refusesAnExtensionByAnyoneButEcta() {
    for (Actor actor :
        List.of(
            EXPORTER,
            officerOf(NATIONAL_BANK),
            officerOf(SHIPPING_LINE),
            officerOf(COMMERCIAL_BANK),
            new Actor(ECTA, Role.EXPORTER))) {
      assertThat(reject(at(CUSTOMS_CLEARED), EXTEND_SHIPMENT_DEADLINE, actor).code())
          .as("%s", actor)
          .isEqualTo(RefusalCode.NOT_AUTHORISED);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportStatus.class,
      names = {"SUBMITTED", "BANK_VERIFIED", "SHIPPED", "ARRIVED", "COMPLETED", "CANCELLED"})
  void refusesAnExtensionBeforeRegistrationOrOnceShipped(ExportStatus status) {
    assertThat(reject(at(status), EXTEND_SHIPMENT_DEADLINE, officerOf(ECTA)).code())
        .isEqualTo(RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void refusesAnExtensionOfAnExportReturnedBeforeItsContractWasRegistered() {
    for (ExportStatus returnedFrom : List.of(SUBMITTED, BANK_VERIFIED)) {
      ExportState returned = new ExportState(RETURNED_FOR_AMENDMENT, returnedFrom, 1);
      assertThat(reject(returned, EXTEND_SHIPMENT_DEADLINE, officerOf(ECTA)).code())
          .isEqualTo(RefusalCode.ILLEGAL_TRANSITION);
    }
  }

  @Test
  void finalStatusesHaveNoWayOut() {
    for (ExportStatus status : ExportStatus.values()) {
      boolean hasWayOut = ExportLifecycle.transitions().stream().anyMatch(t -> t.from() == status);
      assertThat(hasWayOut).as(status.name()).isEqualTo(!status.isFinal());
    }
  }
}
