package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A refused token is answered 401 problem+json, saying why, and asking for a step-up if that is
 * all.
 */
class ProblemsTest {

  @Test
  void aMissingSecondFactorAloneAsksForAStepUp() throws Exception {
    var response =
        refuse(
            new OAuth2Error(
                Tokens.INSUFFICIENT_AUTHENTICATION, "a second factor is required", null));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_user_authentication\"");
    assertThat(response.getContentAsString())
        .contains("\"status\":401")
        .contains("Refused: a second factor is required.");
  }

  @Test
  void anyOtherFaultIsAnInvalidToken() throws Exception {
    var response =
        refuse(
            new OAuth2Error("invalid_token", "the token was not issued to a client", null),
            new OAuth2Error(Tokens.INSUFFICIENT_AUTHENTICATION, "a second factor \"x\"", null));
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(response.getContentAsString())
        .contains("the token was not issued to a client; a second factor \\\"x\\\"");
  }

  @Test
  void noTokenAtAllSaysNothingMore() throws Exception {
    var response = new MockHttpServletResponse();
    Problems.unauthorized()
        .commence(
            new MockHttpServletRequest(),
            response,
            new InsufficientAuthenticationException("Full authentication is required"));
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(response.getContentAsString())
        .contains("\"detail\":\"A valid bearer token from the coffee-export realm is required.\"");
  }

  private static MockHttpServletResponse refuse(OAuth2Error... errors) throws Exception {
    var response = new MockHttpServletResponse();
    // As JwtAuthenticationProvider wraps the decoder's validation failure.
    var invalid = new JwtValidationException("refused", List.of(errors));
    Problems.unauthorized()
        .commence(
            new MockHttpServletRequest(),
            response,
            new InvalidBearerTokenException(invalid.getMessage(), invalid));
    return response;
  }
}
