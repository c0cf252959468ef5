package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chaincode events' names are an external contract: the ledger keeps them forever and the read
 * model dispatches on them, so their spelling never changes.
 */
class EventNameTest {

  @Test
  void eachActionEmitsTheEventItAlwaysHas() {
    Map<ExportAction, String> expected = new TreeMap<>();
    expected.put(ExportAction.SUBMIT, "ExportSubmitted");
    expected.put(ExportAction.VERIFY_AT_BANK, "ExportVerifiedAtBank");
    expected.put(ExportAction.APPROVE_COMPLIANCE, "ExportComplianceApproved");
    expected.put(ExportAction.CERTIFY_QUALITY, "ExportQualityCertified");
    expected.put(ExportAction.RECOMMEND_FOREIGN_EXCHANGE, "ExportForeignExchangeRecommended");
    expected.put(ExportAction.APPROVE_FOREIGN_EXCHANGE, "ExportForeignExchangeApproved");
    expected.put(ExportAction.CLEAR_CUSTOMS, "ExportCustomsCleared");
    expected.put(ExportAction.BOOK_SHIPMENT, "ExportShipmentBooked");
    expected.put(ExportAction.SHIP, "ExportShipped");
    expected.put(ExportAction.RECORD_TRACKING_MILESTONE, "ExportTrackingMilestoneRecorded");
    expected.put(ExportAction.CONFIRM_ARRIVAL, "ExportArrived");
    expected.put(ExportAction.RECORD_REPATRIATION, "ExportCompleted");
    expected.put(ExportAction.RETURN_FOR_AMENDMENT, "ExportReturnedForAmendment");
    expected.put(ExportAction.AMEND, "ExportAmended");
    expected.put(ExportAction.REJECT, "ExportRejected");
    expected.put(ExportAction.CANCEL, "ExportCancelled");
    expected.put(ExportAction.MARK_REPATRIATION_OVERDUE, "ExportRepatriationOverdue");
    expected.put(ExportAction.EXTEND_SHIPMENT_DEADLINE, "ExportShipmentDeadlineExtended");
    assertThat(expected).hasSize(ExportAction.values().length);
    expected.forEach(
        (action, text) -> {
          assertThat(EventName.of(action).text()).as("%s", action).isEqualTo(text);
          assertThat(EventName.of(action).subject()).isEqualTo(EventName.Subject.EXPORT);
        });
  }

  @Test
  void theEventsNoActionEmitsKeepTheirNamesAndSubjects() {
    assertThat(EventName.DOCUMENT_ANCHORED.text()).isEqualTo("DocumentAnchored");
    assertThat(EventName.DOCUMENT_ANCHORED.subject()).isEqualTo(EventName.Subject.DOCUMENT);
    assertThat(EventName.RULE_SET_PUBLISHED.text()).isEqualTo("RuleSetPublished");
    assertThat(EventName.PRICE_FLOOR_PROPOSED.text()).isEqualTo("PriceFloorProposed");
    assertThat(EventName.PRICE_FLOOR_COSIGNED.text()).isEqualTo("PriceFloorCosigned");
    assertThat(EventName.RULE_SET_PROPOSED.text()).isEqualTo("RuleSetProposed");
    assertThat(EventName.RULE_SET_COSIGNED.text()).isEqualTo("RuleSetCosigned");
    assertThat(EventName.RULE_SET_PROPOSAL_WITHDRAWN.text()).isEqualTo("RuleSetProposalWithdrawn");
    for (EventName rules :
        EnumSet.of(
            EventName.RULE_SET_PUBLISHED,
            EventName.RULE_SET_PROPOSED,
            EventName.RULE_SET_COSIGNED,
            EventName.RULE_SET_PROPOSAL_WITHDRAWN,
            EventName.PRICE_FLOOR_PROPOSED,
            EventName.PRICE_FLOOR_COSIGNED)) {
      assertThat(rules.subject()).as("%s", rules).isEqualTo(EventName.Subject.RULES);
    }
    Set<EventName> ofActions =
        Arrays.stream(ExportAction.values()).map(EventName::of).collect(Collectors.toSet());
    assertThat(EnumSet.complementOf(EnumSet.copyOf(ofActions)))
        .containsExactlyInAnyOrder(
            EventName.DOCUMENT_ANCHORED,
            EventName.RULE_SET_PUBLISHED,
            EventName.RULE_SET_PROPOSED,
            EventName.RULE_SET_COSIGNED,
            EventName.RULE_SET_PROPOSAL_WITHDRAWN,
            EventName.PRICE_FLOOR_PROPOSED,
            EventName.PRICE_FLOOR_COSIGNED);
  }

  @Test
  void findsAnEventByItsExactNameOnly() {
    for (EventName name : EventName.values()) {
      assertThat(EventName.named(name.text())).contains(name);
    }
    assertThat(EventName.named("exportSubmitted")).as("another case").isEmpty();
    assertThat(EventName.named("EXPORT_SUBMITTED")).as("the constant, not the name").isEmpty();
    assertThat(EventName.named("ExportTeleported")).isEmpty();
    assertThat(EventName.named("")).isEmpty();
    assertThat(EventName.named(null)).isEmpty();
  }

  @Test
  void noTwoEventsShareAName() {
    assertThat(Arrays.stream(EventName.values()).map(EventName::text).distinct())
        .hasSize(EventName.values().length);
  }
}
