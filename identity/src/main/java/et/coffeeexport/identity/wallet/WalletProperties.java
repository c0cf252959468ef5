package et.coffeeexport.identity.wallet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the wallet's parts are: the key-encryption key file, the network's connection profiles and
 * the state folder's secrets (CA registrars), and Keycloak's admin API for fresh user lookups.
 */
@ConfigurationProperties("coffee-export.wallet")
public record WalletProperties(
    Path kekFile,
    Path connections,
    Path secrets,
    URI keycloakUrl,
    String realm,
    String clientId,
    String clientSecret,
    Duration deadline) {
  public WalletProperties {
    deadline = deadline == null ? Duration.ofSeconds(10) : deadline;
  }
}
