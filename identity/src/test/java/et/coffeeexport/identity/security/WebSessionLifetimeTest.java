package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A web session ends a fixed time after its sign-in at Keycloak, however active it is. */
class WebSessionLifetimeTest {
  private static final Instant SIGNED_IN = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void aSessionLivesUntilTheMaximumAfterTheSignInAndNoLonger() {
    var session = signedIn(SIGNED_IN, SIGNED_IN.plusSeconds(5));
    assertThat(at(SIGNED_IN.plus(Duration.ofHours(10))).over(session)).isFalse();
    assertThat(at(SIGNED_IN.plus(Duration.ofHours(10)).plusSeconds(1)).over(session)).isTrue();
  }

  @Test
  void theSignInIsKeycloaksAuthTimeNotWhenThisApplicationGotItsTokens() {
    // A session made from Keycloak's own, older session (SSO) is as old as that sign-in.
    var fromAnOlderSignIn = signedIn(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(9)));
    assertThat(at(SIGNED_IN.plus(Duration.ofHours(10)).plusSeconds(1)).over(fromAnOlderSignIn))
        .isTrue();
  }

  @Test
  void withoutAuthTimeTheIdTokensIssueTimeCounts() {
    var token =
        new OAuth2AuthenticationToken(
            new DefaultOidcUser(
                List.of(new SimpleGrantedAuthority("OIDC_USER")),
                new OidcIdToken(
                    "id",
                    SIGNED_IN,
                    SIGNED_IN.plusSeconds(300),
                    Map.of("sub", "3f1c", "preferred_username", "ecx.officer", "iat", SIGNED_IN))),
            List.of(),
            "keycloak");
    assertThat(at(SIGNED_IN.plus(Duration.ofHours(10)).plusSeconds(1)).over(token)).isTrue();
    assertThat(at(SIGNED_IN.plus(Duration.ofHours(9))).over(token)).isFalse();
  }

  @Test
  void otherAuthenticationsAreNotItsBusiness() {
    assertThat(at(SIGNED_IN.plus(Duration.ofDays(30))).over(null)).isFalse();
  }

  @Test
  void theFilterEndsAnOverdueSessionAndLetsTheRequestGoOnSignedOut() throws Exception {
    var request = new org.springframework.mock.web.MockHttpServletRequest();
    var session = request.getSession(true);
    var chain = new org.springframework.mock.web.MockFilterChain();
    var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
    context.setAuthentication(signedIn(SIGNED_IN, SIGNED_IN));
    try {
      at(SIGNED_IN.plus(Duration.ofHours(11)))
          .doFilter(request, new org.springframework.mock.web.MockHttpServletResponse(), chain);
      assertThat(((org.springframework.mock.web.MockHttpSession) session).isInvalid()).isTrue();
      assertThat(
              org.springframework.security.core.context.SecurityContextHolder.getContext()
                  .getAuthentication())
          .isNull();
      assertThat(chain.getRequest()).as("the request goes on, to be sent to sign in").isNotNull();
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }

  @Test
  void theFilterLeavesASessionWithinItsLifetimeAlone() throws Exception {
    var request = new org.springframework.mock.web.MockHttpServletRequest();
    var session = request.getSession(true);
    var authentication = signedIn(SIGNED_IN, SIGNED_IN);
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(authentication);
    try {
      at(SIGNED_IN.plus(Duration.ofHours(9)))
          .doFilter(
              request,
              new org.springframework.mock.web.MockHttpServletResponse(),
              new org.springframework.mock.web.MockFilterChain());
      assertThat(((org.springframework.mock.web.MockHttpSession) session).isInvalid()).isFalse();
      assertThat(
              org.springframework.security.core.context.SecurityContextHolder.getContext()
                  .getAuthentication())
          .isSameAs(authentication);
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }

  private static WebSessionLifetime at(Instant now) {
    return new WebSessionLifetime(Duration.ofHours(10), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static OAuth2AuthenticationToken signedIn(Instant authTime, Instant issuedAt) {
    var idToken =
        new OidcIdToken(
            "id",
            issuedAt,
            issuedAt.plusSeconds(300),
            Map.of(
                "sub",
                "3f1c",
                "preferred_username",
                "ecx.officer",
                "iat",
                issuedAt,
                "auth_time",
                authTime));
    return new OAuth2AuthenticationToken(
        new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), idToken),
        List.of(),
        "keycloak");
  }
}
