package et.coffeeexport.chaincode.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void sortsKeysWhateverTheInsertionOrder() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("zeta", 1);
    first.put("alpha", Map.of("y", 2, "b", 3));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("alpha", Map.of("b", 3, "y", 2));
    second.put("zeta", 1);

    assertThat(json(first))
        .isEqualTo("{\"alpha\":{\"b\":3,\"y\":2},\"zeta\":1}")
        .isEqualTo(json(second));
  }

  @Test
  void sortsParsedTreesRecursively() {
    var tree = CanonicalJson.parseObject("{\"b\":[{\"d\":1,\"c\":2}],\"a\":true}", "request");
    assertThat(json(tree)).isEqualTo("{\"a\":true,\"b\":[{\"c\":2,\"d\":1}]}");
  }

  @Test
  void sortsTreesNestedInRecords() {
    record Stored(String id, Object request) {}
    var request = CanonicalJson.parseObject("{\"quantityKg\":19200,\"grade\":\"G2\"}", "request");
    assertThat(json(new Stored("EXP-1", request)))
        .isEqualTo("{\"id\":\"EXP-1\",\"request\":{\"grade\":\"G2\",\"quantityKg\":19200}}");
  }

  @Test
  void refusesWhatIsNotAJsonObjectWithAStableCode() {
    for (String bad : new String[] {"[1,2]", "42", "{\"unterminated\":", "", "null"}) {
      assertThatThrownBy(() -> CanonicalJson.parseObject(bad, "request"))
          .isInstanceOf(ChaincodeException.class)
          .hasMessage("INVALID_ARGUMENT: request must be a JSON object");
    }
  }

  private static String json(Object value) {
    return new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
  }
}
