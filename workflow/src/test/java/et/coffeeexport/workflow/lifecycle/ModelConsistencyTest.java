package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerSettings;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every name the models use exists where it must: delegate expressions as beans of the
 * application's lifecycle configuration, candidate groups in the realm, forms and decision tables
 * and called processes among the resources.
 */
class ModelConsistencyTest {
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern GROUP =
      Pattern.compile(
          "candidateGroups=\"([^\"$]+)\"|sourceExpression=\"([a-z-]+)\" target=\"(?:candidate|supervisor)Group\"");
  private static final Pattern FORM = Pattern.compile("formKey=\"embedded:app:([^\"]+)\"");
  private static final Pattern DECISION = Pattern.compile("decisionRef=\"([^\"]+)\"");
  private static final Pattern CALLED = Pattern.compile("calledElement=\"([^\"]+)\"");
  private final String models = models();

  /** The price-floor feature's beans, as the application's component scan finds them. */
  @org.springframework.context.annotation.Configuration
  @org.springframework.context.annotation.ComponentScan("et.coffeeexport.workflow.prices")
  static class PricesFeature {}

  @Test
  void everyDelegateExpressionIsABeanOfTheApplication() {
    Set<String> names = all(DELEGATE, 1);
    assertThat(names).isNotEmpty();
    new ApplicationContextRunner()
        .withUserConfiguration(
            ReviewDelegates.class,
            FilingDelegates.class,
            ShippingDelegates.class,
            ServiceLevels.class,
            DeadlineTimers.class,
            Delinquency.class,
            LedgerSteps.class,
            LedgerStep.class,
            DecisionTables.class,
            ExportOf.class,
            ForeignExchangeRules.class,
            PrivateInputs.class,
            PricesFeature.class,
            et.coffeeexport.workflow.submission.Filings.class)
        .withPropertyValues("coffee-export.connectors.connections=/nonexistent")
        .withBean(javax.sql.DataSource.class, () -> fake(javax.sql.DataSource.class))
        .withBean(
            CoffeeExportChaincode.class,
            // Connects lazily: no peer is dialled while the context is checked.
            () ->
                Ledger.connect(
                        org -> {
                          throw new IllegalStateException("no network in this test");
                        },
                        org -> {
                          throw new IllegalStateException("no network in this test");
                        },
                        LedgerSettings.DEFAULT)
                    .coffeeExport())
        .withBean(TaskService.class, () -> fake(TaskService.class))
        .withBean(
            et.coffeeexport.connectors.cache.CachedLedgerReads.class,
            () -> new et.coffeeexport.connectors.cache.CachedLedgerReads(null, null, null))
        .withBean(
            org.camunda.bpm.engine.DecisionService.class,
            () -> fake(org.camunda.bpm.engine.DecisionService.class))
        .withBean(
            org.camunda.bpm.engine.RepositoryService.class,
            () -> fake(org.camunda.bpm.engine.RepositoryService.class))
        .withBean(LedgerIdentities.class, () -> new LedgerIdentities(null, null, null, null))
        .run(
            context -> {
              List<String> missing = new ArrayList<>();
              names.forEach(
                  n -> {
                    if (!context.containsBean(n)) {
                      missing.add(n);
                    }
                  });
              assertThat(missing).as("delegate expressions without a bean").isEmpty();
            });
  }

  @Test
  void everyCandidateGroupIsAGroupOfTheRealm() throws Exception {
    Set<String> realmGroups = new TreeSet<>();
    new ObjectMapper()
        .readTree(Path.of("../identity/realm/coffee-export-realm.json").toFile())
        .path("groups")
        .forEach(g -> realmGroups.add(g.path("name").asText()));
    Set<String> used = new TreeSet<>();
    Matcher m = GROUP.matcher(models);
    while (m.find()) {
      String groups = m.group(1) != null ? m.group(1) : m.group(2);
      for (String g : groups.split(",")) {
        used.add(g.trim());
      }
    }
    assertThat(used).contains("ecx", "custom-authorities", "national-bank-supervisors");
    assertThat(realmGroups).containsAll(used);
    // A stage's supervisors group exists for every organisation a stage names.
    used.stream()
        .filter(g -> !g.endsWith("-supervisors"))
        .forEach(g -> assertThat(realmGroups).contains(g + "-supervisors"));
  }

  @Test
  void everyFormDecisionAndCalledProcessIsAResource() {
    for (String form : all(FORM, 1)) {
      assertThat(getClass().getClassLoader().getResource("static/" + form)).as(form).isNotNull();
    }
    String decisions =
        String.join(
            "\n", ExportProcess.RESOURCES.stream().map(ModelConsistencyTest::read).toList());
    for (String decision : all(DECISION, 1)) {
      assertThat(decisions).as(decision).contains("<decision id=\"" + decision + "\"");
    }
    for (String process : all(CALLED, 1)) {
      assertThat(models).contains("<bpmn:process id=\"" + process + "\"");
    }
  }

  /**
   * Every ledger step but the filing runs after an asynchronous continuation with a retry cycle (a
   * failure is a retried job, then an incident, never a stalled request); the generic step names a
   * domain action that is one chaincode transaction and, when it records a form, that form's field.
   */
  @Test
  void everyLedgerStepIsAsynchronousAndNamesADomainAction() {
    for (String resource : MODELS) {
      var model =
          org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
              getClass().getClassLoader().getResourceAsStream(resource));
      for (var task :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)) {
        String priceFloorAction = property(task, ExportProcess.PRICE_FLOOR_ACTION);
        if (priceFloorAction != null) {
          ExportProcess.PriceFloorAction.valueOf(priceFloorAction);
        }
        String action = property(task, "ledgerAction");
        if (action == null) {
          action = priceFloorAction;
        }
        if (action == null) {
          continue;
        }
        if (action.equals("SUBMIT")) {
          // Filing runs in the exporter's request: the private terms are transient there and are
          // never stored in the engine, so they cannot wait for a job; a failed filing rolls the
          // request back, and the exporter repeats it with the same Idempotency-Key.
          assertThat(task.isCamundaAsyncBefore()).as("filing is synchronous").isFalse();
          continue;
        }
        assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " is asynchronous").isTrue();
        assertThat(
                task.getExtensionElements()
                    .getElementsQuery()
                    .filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle
                            .class)
                    .list())
            .as(task.getId() + " has a retry cycle")
            .hasSize(1);
        if ("${ledgerStep}".equals(task.getCamundaDelegateExpression())) {
          var domainAction = et.coffeeexport.domain.ExportAction.valueOf(action);
          assertThat(domainAction.transaction()).isNotBlank();
          String input = property(task, LedgerStep.LEDGER_INPUT);
          if (input != null) {
            assertThat(models).as(input + " is a form field of the model").contains(input);
          }
          String fields = property(task, LedgerStep.LEDGER_FIELDS);
          for (String field : fields == null ? new String[0] : fields.split("\\s*,\\s*")) {
            assertThat(models)
                .as(field + " is a form field of the model")
                .contains("<camunda:formField id=\"" + field + "\"");
          }
        }
      }
    }
  }

  private static String property(
      org.camunda.bpm.model.bpmn.instance.BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
        .list()
        .stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(p -> p.getCamundaValue())
        .findFirst()
        .orElse(null);
  }

  private Set<String> all(Pattern p, int group) {
    Set<String> found = new TreeSet<>();
    Matcher m = p.matcher(models);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  private static final List<String> MODELS =
      ExportProcess.RESOURCES.stream().filter(r -> r.endsWith(".bpmn")).toList();

  private static String models() {
    return String.join("\n", MODELS.stream().map(ModelConsistencyTest::read).toList());
  }

  private static String read(String resource) {
    try (var in = ModelConsistencyTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("no resource " + resource, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T fake(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException("not used when wiring");
            });
  }
}
