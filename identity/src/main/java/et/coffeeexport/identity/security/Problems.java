package et.coffeeexport.identity.security;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as {@code application/problem+json}, the error format of every API here. */
final class Problems {
  private Problems() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      // A genuine token refused for how its user signed in says so (RFC 9470), so a client knows
      // to sign in again with the second factor rather than retry.
      List<OAuth2Error> errors = validationErrors(e);
      boolean stepUp =
          !errors.isEmpty()
              && errors.stream()
                  .allMatch(r -> Tokens.INSUFFICIENT_AUTHENTICATION.equals(r.getErrorCode()));
      response.setHeader(
          "WWW-Authenticate",
          "Bearer error=\""
              + (stepUp ? Tokens.INSUFFICIENT_AUTHENTICATION : "invalid_token")
              + "\"");
      String why =
          errors.stream()
              .map(OAuth2Error::getDescription)
              .filter(d -> d != null && !d.isBlank())
              .collect(Collectors.joining("; "));
      EngineProblems.write(
          response,
          401,
          "A valid bearer token from the coffee-export realm is required."
              + (why.isEmpty() ? "" : " Refused: " + why + "."));
    };
  }

  /** The failed claim checks behind a refusal (none for a missing or badly signed token). */
  private static List<OAuth2Error> validationErrors(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JwtValidationException invalid) {
        return List.copyOf(invalid.getErrors());
      }
    }
    return List.of();
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) -> EngineProblems.write(response, 403, e.getMessage());
  }
}
