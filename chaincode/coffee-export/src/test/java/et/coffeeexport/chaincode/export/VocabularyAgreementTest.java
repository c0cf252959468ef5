package et.coffeeexport.chaincode.export;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportAction;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The chaincode and the domain's vocabulary agree: every action's transaction is a transaction of
 * the lifecycle contract, and the trail entry the chaincode stores is the domain's {@link
 * DecisionEntry} (the connector's typed answer), stored as before step keys existed when it has
 * none.
 */
class VocabularyAgreementTest {

  @Test
  void everyActionIsATransactionOfTheLifecycleContract() {
    List<String> transactions =
        Arrays.stream(ExportContract.class.getMethods())
            .filter(m -> m.isAnnotationPresent(Transaction.class))
            .map(Method::getName)
            .toList();
    for (ExportAction action : ExportAction.values()) {
      assertThat(transactions).as(action.name()).contains(action.transaction());
    }
  }

  @Test
  void aTrailEntryWithoutAStepKeyIsStoredWithoutTheField() {
    assertThat(stored(entry(null))).doesNotContain("\"step\"").contains("\"from\":null");
    assertThat(stored(entry("task-1"))).contains("\"step\":\"task-1\"");
  }

  private static DecisionEntry entry(String step) {
    return new DecisionEntry(
        "EXP-1",
        1,
        "SUBMIT",
        null,
        et.coffeeexport.domain.ExportStatus.SUBMITTED,
        et.coffeeexport.domain.Stage.SUBMISSION,
        "CommercialBankMSP",
        et.coffeeexport.domain.Role.EXPORTER,
        "x509::a::b",
        "e",
        "u",
        "tx",
        "2026-01-01T00:00:00Z",
        List.of(),
        List.of("ruleset:1"),
        new java.util.TreeMap<>(),
        step);
  }

  private static String stored(DecisionEntry entry) {
    return new String(
        et.coffeeexport.chaincode.support.CanonicalJson.toBytes(entry),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
