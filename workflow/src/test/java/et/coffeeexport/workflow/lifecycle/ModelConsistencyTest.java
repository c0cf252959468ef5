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

  /** The administration processes' beans: standing changes, the blacklist, cancellation. */
  @org.springframework.context.annotation.Configuration
  @org.springframework.context.annotation.ComponentScan({
    "et.coffeeexport.workflow.administration",
    "et.coffeeexport.workflow.standing",
    "et.coffeeexport.workflow.blacklist",
    "et.coffeeexport.workflow.cancellation"
  })
  static class AdministrationFeatures {}

  /** Connects lazily: no peer is dialled while the context is checked. */
  private static final Ledger OFFLINE =
      Ledger.connect(
          org -> {
            throw new IllegalStateException("no network in this test");
          },
          org -> {
            throw new IllegalStateException("no network in this test");
          },
          LedgerSettings.DEFAULT);

  /** The rule-set feature's beans, likewise. */
  @org.springframework.context.annotation.Configuration
  @org.springframework.context.annotation.ComponentScan("et.coffeeexport.workflow.rules")
  static class RulesFeature {}

  /** The registration's delegates and what they use, as the application's component scan finds. */
  @org.springframework.context.annotation.Configuration
  @org.springframework.context.annotation.ComponentScan(
      basePackages = "et.coffeeexport.workflow.registration",
      useDefaultFilters = false,
      includeFilters =
          @org.springframework.context.annotation.ComponentScan.Filter(
              type = org.springframework.context.annotation.FilterType.REGEX,
              pattern =
                  ".*\\.(RegistryStep|LicenceWatch|RefusalNeedsReasons|ApplicationRecords|ExporterNotices)"))
  static class RegistrationFeature {}

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
            DecisionOutcomes.class,
            PricesFeature.class,
            AdministrationFeatures.class,
            RulesFeature.class,
            RegistrationFeature.class,
            et.coffeeexport.workflow.submission.Filings.class)
        .withPropertyValues("coffee-export.connectors.connections=/nonexistent")
        .withBean(javax.sql.DataSource.class, () -> fake(javax.sql.DataSource.class))
        .withBean(Ledger.class, () -> OFFLINE)
        .withBean(CoffeeExportChaincode.class, OFFLINE::coffeeExport)
        .withBean(
            et.coffeeexport.connectors.fabric.UserManagementChaincode.class,
            OFFLINE::userManagement)
        .withBean(TaskService.class, () -> fake(TaskService.class))
        .withBean(
            org.camunda.bpm.engine.RuntimeService.class,
            () -> fake(org.camunda.bpm.engine.RuntimeService.class))
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
   * Every user task, and every start event a person fills in, has an embedded form: Tasklist's
   * generated forms preselect an enumeration's first value (a standing change would default to
   * "suspend") and cannot leave an optional one blank.
   */
  @Test
  void everyFormAPersonFillsInIsEmbedded() {
    for (String resource : MODELS) {
      var model =
          org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
              getClass().getClassLoader().getResourceAsStream(resource));
      var filled = new ArrayList<org.camunda.bpm.model.bpmn.instance.FlowNode>();
      filled.addAll(
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class));
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
          .filter(e -> !FormFields.declared(e).isEmpty())
          .forEach(filled::add);
      for (var node : filled) {
        String key =
            node.getAttributeValueNs(
                org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS, "formKey");
        assertThat(key).as("%s in %s", node.getId(), resource).startsWith("embedded:app:forms/");
      }
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
        String ruleSetAction = property(task, ExportProcess.RULE_SET_ACTION);
        if (ruleSetAction != null) {
          ExportProcess.RuleSetAction.valueOf(ruleSetAction);
        }
        String registryAction = property(task, ExportProcess.REGISTRY_ACTION);
        if (registryAction != null) {
          et.coffeeexport.domain.RegistryAction.valueOf(registryAction);
        }
        String action = property(task, "ledgerAction");
        if (action == null) {
          action =
              priceFloorAction != null
                  ? priceFloorAction
                  : ruleSetAction != null ? ruleSetAction : registryAction;
        }
        String standingAction = property(task, ExportProcess.STANDING_ACTION);
        if (standingAction != null) {
          ExportProcess.StandingAction.valueOf(standingAction);
          action = standingAction;
        }
        String blacklistAction = property(task, ExportProcess.BLACKLIST_ACTION);
        if (blacklistAction != null) {
          ExportProcess.BlacklistAction.valueOf(blacklistAction);
          action = blacklistAction;
        }
        if (action == null) {
          continue;
        }
        if (action.equals("APPLY")) {
          // The exporter's application is recorded in its request, as a filing is: a refusal
          // answers the request and starts nothing.
          assertThat(task.isCamundaAsyncBefore()).as("applying is synchronous").isFalse();
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
