package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The minimum export prices a new consortium starts with are proposed and co-signed on the ledger
 * at first start (network/config/seed/price-floors.json); the workflow checks early against its
 * decision table. The two must give the same floor, or an export passes one check and fails the
 * other.
 */
class PriceFloorSeedTest {
  private static final Path SEED = Path.of("../network/config/seed/price-floors.json");

  @Test
  void everyOpeningFloorOnTheLedgerIsTheDecisionTablesFloor() throws Exception {
    JsonNode seed = new ObjectMapper().readTree(SEED.toFile());
    DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision table;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("decisions/minimum-price.dmn")) {
      table = dmn.parseDecision("minimum-price", in);
    }
    String day = seed.get("effectiveDate").asText();
    assertThat(seed.get("floors")).as("opening floors").isNotEmpty();
    for (JsonNode floor : seed.get("floors")) {
      DmnDecisionTableResult result =
          dmn.evaluateDecisionTable(
              table,
              Map.of(
                  "decisionDate", day,
                  "grade", floor.get("grade").asText(),
                  "origin", floor.get("origin").asText(),
                  "process", floor.get("process").asText()));
      assertThat(result.getFirstResult())
          .as("the decision table has a floor for %s", floor)
          .isNotNull();
      assertThat((Double) result.getSingleResult().getSingleEntry())
          .as("the decision table's floor for %s", floor)
          .isEqualTo(floor.get("minPricePerLbUsd").asDouble());
    }
  }
}
