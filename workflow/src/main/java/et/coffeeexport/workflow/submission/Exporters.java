package et.coffeeexport.workflow.submission;

import et.coffeeexport.identity.wallet.StoredIdentity;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Only exporters use the submission API: the realm role {@code exporter} in the token. Which
 * exporter they act for is their ledger certificate's {@code exporterId}, never a parameter.
 */
public final class Exporters {
  private Exporters() {}

  public static void require(JwtAuthenticationToken token) {
    Object access = token.getToken().getClaims().get("realm_access");
    List<?> roles =
        access instanceof java.util.Map<?, ?> m && m.get("roles") instanceof List<?> r
            ? r
            : List.of();
    if (!roles.contains("exporter")) {
      throw new AccessDeniedException("the submission API is for exporters");
    }
  }

  public static String username(JwtAuthenticationToken token) {
    return token.getToken().getClaimAsString("preferred_username");
  }

  /**
   * The exporter id {@code exporter}'s certificate carries (from Keycloak's {@code exporterId}
   * attribute); 403 when it carries none: the consortium has not given the account an exporter.
   */
  public static String exporterIdOf(StoredIdentity exporter) {
    String id = CertificateAttributes.of(exporter.certificatePem()).get("exporterId");
    if (id == null || id.isBlank()) {
      throw new AccessDeniedException(
          "your account names no exporter: the consortium's administrator gives it one");
    }
    return id;
  }
}
