package et.coffeeexport.workflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries (STYLE.md): the ledger is reached only through the connector's typed
 * clients, and each module's tables only through that module. Fails with the offending classes or
 * files named.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  /** The platform's own classes on this module's classpath: every module the application runs. */
  private static final JavaClasses PLATFORM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("et.coffeeexport");

  /** Where raw names and gateways may live: the connector, and the tools that test the network. */
  private static final List<String> LEDGER_SPEAKERS =
      List.of(
          "chaincode/", "connectors/fabric/", "connectors/network-testing/", "connectors/bench/");

  /** Each module's tables (its migrations create them) and the folder that owns them. */
  private static final Map<String, List<String>> TABLES =
      Map.of(
          "connectors/read-model/",
          List.of("export_view", "export_event", "document_view", "ledger_checkpoint"),
          "identity/",
          List.of("fabric_identity"),
          "workflow/",
          List.of(
              "submission",
              "private_input",
              "decision_outcome",
              "licence_application",
              "exporter_notice"));

  @Test
  void onlyTheConnectorOpensAGateway() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "et.coffeeexport.connectors.fabric..", "et.coffeeexport.connectors.testing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            // A gateway, a network, a contract; identities and signers are how a person signs.
            "org.hyperledger.fabric.client", "io.grpc..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("et.coffeeexport.connectors.fabric.PeerConnections")
        .because("the ledger is reached through the typed chaincode clients (issue 12)")
        .check(PLATFORM);
  }

  @Test
  void noCodeOutsideTheConnectorNamesAChaincodeTransaction() {
    Set<String> transactions = transactions();
    // The domain's action table names real transactions: the model's actions reach the ledger.
    assertThat(transactions)
        .containsAll(
            java.util.Arrays.stream(et.coffeeexport.domain.ExportAction.values())
                .map(et.coffeeexport.domain.ExportAction::transaction)
                .toList());
    Pattern literal = Pattern.compile("\"([A-Za-z]+)\"");
    List<String> offenders = new ArrayList<>();
    for (Path file : javaFiles()) {
      String relative = ROOT.relativize(file).toString();
      if (LEDGER_SPEAKERS.stream().anyMatch(relative::startsWith)) {
        continue;
      }
      Matcher m = literal.matcher(read(file));
      while (m.find()) {
        if (transactions.contains(m.group(1))) {
          offenders.add(relative + " names \"" + m.group(1) + "\"");
        }
      }
    }
    assertThat(offenders).as("chaincode transactions named outside the connector").isEmpty();
  }

  @Test
  void noModuleReachesIntoAnothersTables() {
    List<String> offenders = new ArrayList<>();
    for (Path file : javaFiles()) {
      String relative = ROOT.relativize(file).toString();
      String text = literals(read(file));
      TABLES.forEach(
          (owner, tables) -> {
            if (relative.startsWith(owner)) {
              return;
            }
            for (String table : tables) {
              Matcher m =
                  Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+" + table + "\\b")
                      .matcher(text);
              if (m.find()) {
                offenders.add(relative + " uses " + owner + "'s table " + table);
              }
            }
          });
    }
    assertThat(offenders).as("SQL on another module's tables").isEmpty();
  }

  /** The file's string literals and text blocks, where SQL lives; comments are not code. */
  private static String literals(String source) {
    StringBuilder sql = new StringBuilder();
    Matcher m =
        Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"", Pattern.DOTALL)
            .matcher(source);
    while (m.find()) {
      sql.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
    }
    return sql.toString();
  }

  /** Every {@code @Transaction} method of both chaincodes, read from their sources. */
  private static Set<String> transactions() {
    Pattern tx =
        Pattern.compile("@Transaction\\([^)]*\\)\\s+public\\s+[\\w<>\\[\\]]+\\s+(\\w+)\\s*\\(");
    Set<String> names = new TreeSet<>();
    for (String chaincode : List.of("chaincode/coffee-export", "chaincode/user-management")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(chaincode).resolve("src/main/java"))) {
        files
            .filter(f -> f.toString().endsWith("Contract.java"))
            .forEach(
                f -> {
                  Matcher m = tx.matcher(read(f));
                  while (m.find()) {
                    names.add(m.group(1));
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  private static List<Path> javaFiles() {
    List<Path> files = new ArrayList<>();
    for (String top : List.of("chaincode", "connectors", "identity", "bpmn", "workflow")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(top))) {
        walk.filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !f.toString().contains("/target/"))
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
