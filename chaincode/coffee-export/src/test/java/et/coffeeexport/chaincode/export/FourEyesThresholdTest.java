package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import org.junit.jupiter.api.Test;

/**
 * Four eyes apply above the threshold in force, not at it. The standard filing is worth 146,034.20
 * USD (19,200 kg at 3.45 USD/lb); the rule set in force is moved to put the threshold exactly there
 * or one cent below.
 */
class FourEyesThresholdTest {
  private final ExportWorld world = new ExportWorld();

  private void thresholdInForce(String usd) {
    world.ruleSetInForce(
        ExportWorld.rules(2)
            .replace("\"fourEyesThresholdUsd\":1000000", "\"fourEyesThresholdUsd\":" + usd));
  }

  @Test
  void aContractWorthExactlyTheThresholdIsApprovedByOneOfficer() {
    thresholdInForce("146034.20");
    world.exportAt("EXP-FE", ExportStatus.QUALITY_CERTIFIED);
    world.take("EXP-FE", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportForeignExchangeApproved");
    assertThat(world.read("EXP-FE").status()).isEqualTo(ExportStatus.FX_APPROVED);
  }

  @Test
  void aContractWorthOneCentMoreThanTheThresholdIsOnlyRecommendedByAnOfficer() {
    thresholdInForce("146034.19");
    world.exportAt("EXP-FA", ExportStatus.QUALITY_CERTIFIED);
    world.take("EXP-FA", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportForeignExchangeRecommended");
    ExportSnapshot recommended = world.read("EXP-FA");
    assertThat(recommended.status()).isEqualTo(ExportStatus.QUALITY_CERTIFIED);
    assertThat(recommended.fact(ExportFacts.FX_RECOMMENDED_BY)).isNotNull();
  }
}
