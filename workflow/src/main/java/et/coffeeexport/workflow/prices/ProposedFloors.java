package et.coffeeexport.workflow.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.domain.PriceFloor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ECTA officer's proposal ({@code floorsJson}): a JSON array of {@code {grade, origin, process,
 * minPricePerLbUsd}}, each checked as the chaincode checks a floor, for the round's day. A mistake
 * is answered with the entry it is in, so the officer can correct it in the task.
 */
final class ProposedFloors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("grade", "origin", "process", "minPricePerLbUsd");

  private ProposedFloors() {}

  /** The floors proposed for {@code effectiveDate}; refuses anything else. */
  static List<PriceFloor> parse(String json, String effectiveDate) {
    JsonNode array;
    try {
      array = json == null ? null : JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("the minimum prices are not JSON");
    }
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException("the minimum prices must be a non-empty JSON array");
    }
    List<PriceFloor> floors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      PriceFloor floor = floor(array.get(i), effectiveDate, i + 1);
      if (!seen.add(floor.grade() + "/" + floor.origin() + "/" + floor.process())) {
        throw new IllegalArgumentException(
            "entry "
                + (i + 1)
                + " repeats "
                + floor.grade()
                + "/"
                + floor.origin()
                + "/"
                + floor.process());
      }
      floors.add(floor);
    }
    return floors;
  }

  private static PriceFloor floor(JsonNode entry, String effectiveDate, int position) {
    if (!entry.isObject()) {
      throw new IllegalArgumentException("entry " + position + " is not a JSON object");
    }
    entry
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(
                    "entry " + position + " has an unknown field " + name);
              }
            });
    JsonNode price = entry.path("minPricePerLbUsd");
    PriceFloor floor =
        new PriceFloor(
            null,
            entry.path("grade").isTextual() ? entry.get("grade").asText() : null,
            entry.path("origin").isTextual() ? entry.get("origin").asText() : null,
            entry.path("process").isTextual() ? entry.get("process").asText() : null,
            effectiveDate,
            price.isNumber() ? price.decimalValue() : null,
            false,
            null,
            null);
    List<String> violations = floor.violations();
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          "entry " + position + ": " + String.join("; ", violations));
    }
    return floor;
  }

  /** A floor as the chaincode's proposal takes it. */
  static String proposal(PriceFloor floor) {
    return JSON.createObjectNode()
        .put("grade", floor.grade())
        .put("origin", floor.origin())
        .put("process", floor.process())
        .put("effectiveDate", floor.effectiveDate())
        .put("minPricePerLbUsd", floor.minPricePerLbUsd())
        .put("cosigned", false)
        .toString();
  }
}
