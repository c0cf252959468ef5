package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.wallet.CertificateAuthorities;
import et.coffeeexport.identity.wallet.KeyEncryptionKey;
import et.coffeeexport.identity.wallet.KeycloakDirectory;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.LedgerOfficerRegistry;
import et.coffeeexport.identity.wallet.Wallet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An administrator disables a user in Keycloak while the user is not acting: the running
 * application notices on its own and revokes their ledger identity.
 */
class DisabledUserSweepIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();

  @Test
  void theApplicationRevokesAUserDisabledInKeycloak() throws Exception {
    Workflow.requireRunning();
    Path secrets = NETWORK.state.resolve("secrets");
    var database = new PGSimpleDataSource();
    database.setUrl("jdbc:postgresql://127.0.0.1:5432/workflow");
    database.setUser("workflow");
    database.setPassword(read(secrets.resolve("postgres-workflow")));
    var wallet = new Wallet(database, KeyEncryptionKey.load(secrets.resolve("wallet-kek")));
    var keycloak = new KeycloakAdmin(read(secrets.resolve("keycloak-admin")));
    String run = UUID.randomUUID().toString().substring(0, 8);
    String userId =
        keycloak.createUser(
            "it-sweep-" + run, "It-" + UUID.randomUUID(), "shipping-line", "officer");
    try (var ledger = NETWORK.connector()) {
      var registry = new LedgerOfficerRegistry(ledger.userManagement(), NETWORK.connections);
      var identities =
          new LedgerIdentities(
              wallet,
              new CertificateAuthorities(NETWORK.connections, secrets, Duration.ofSeconds(10)),
              new KeycloakDirectory(
                  URI.create("http://localhost:8180"),
                  "coffee-export",
                  "camunda-identity-service",
                  read(secrets.resolve("keycloak-client-identity")),
                  Duration.ofSeconds(10)),
              registry);
      identities.forUser(userId);
    }
    assertThat(wallet.find(userId).orElseThrow().active()).isTrue();

    keycloak.setEnabled(userId, false);

    // The application sweeps every 15 s; allow two sweeps and a slow ledger commit.
    Instant deadline = Instant.now().plusSeconds(60);
    while (wallet.find(userId).orElseThrow().active() && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    assertThat(wallet.find(userId).orElseThrow().active())
        .as("revoked by the application's sweep")
        .isFalse();
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file).trim();
  }
}
