package et.coffeeexport.chaincode.export;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportAction;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The chaincode and the domain's vocabulary agree: every action's transaction is a transaction of
 * the lifecycle contract, and the trail entry the chaincode stores reads as the domain's {@link
 * DecisionEntry} (the connector's typed answer).
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
  void theStoredTrailEntryIsTheDomainsDecisionEntry() {
    assertThat(shape(DecisionRecord.class)).isEqualTo(shape(DecisionEntry.class));
  }

  private static List<String> shape(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent.class::cast)
        .map(c -> c.getName() + ":" + c.getGenericType().getTypeName())
        .toList();
  }
}
