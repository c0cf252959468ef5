package et.coffeeexport.identity.security;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The engine reads users and groups from Keycloak (read only) through the {@code
 * camunda-identity-service} service account; configured under {@code plugin.identity.keycloak}.
 */
@Component
@ConfigurationProperties(prefix = "plugin.identity.keycloak")
class KeycloakIdentity extends KeycloakIdentityProviderPlugin {}
