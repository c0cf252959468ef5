package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** What a plain ledger step records from its task's form: the reasons, and the fields it names. */
class LedgerNotesTest {

  private static DelegateExecution with(Map<String, Object> variables) {
    return (DelegateExecution)
        Proxy.newProxyInstance(
            DelegateExecution.class.getClassLoader(),
            new Class<?>[] {DelegateExecution.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getVariable")) {
                return variables.get((String) args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void anExtensionRecordsTheNewDateBesideTheReasonsOneALine() {
    var execution =
        with(
            Map.of(
                "reasons", "vessel delayed\n\n berth congested ",
                "newShipmentDate", " 2027-03-01",
                "decision", "EXTEND"));
    assertThat(Notes.of(execution, List.of("newShipmentDate")))
        .isEqualTo(
            "{\"newShipmentDate\":\"2027-03-01\",\"reasons\":[\"vessel delayed\",\"berth congested\"]}");
  }

  @Test
  void aFieldLeftEmptyIsNotRecordedAndTheChaincodeNamesIt() {
    var execution = with(Map.of("reasons", "late", "newShipmentDate", ""));
    assertThat(Notes.of(execution, List.of("newShipmentDate")))
        .isEqualTo("{\"reasons\":[\"late\"]}");
    assertThat(Notes.of(execution)).isEqualTo("{\"reasons\":[\"late\"]}");
  }
}
