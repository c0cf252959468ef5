package et.coffeeexport.identity.security;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Tasklist, Cockpit and Admin behind Keycloak single sign-on (authorization code with PKCE),
 * bridged into Camunda's container-based authentication. Camunda's own login form never sees a
 * password. The sign-in is held to the same rules as a bearer token (the webapp's access token must
 * pass {@link Tokens}: for staff, a second factor); the web session ends when the person signs out
 * at Keycloak (back-channel logout, found by the ID token's {@code sid}), after the idle timeout,
 * and at the latest {@code web-session-max-lifetime} after they authenticated.
 */
@Configuration
class WebAppSecurity {
  static final String BACK_CHANNEL_LOGOUT = "/logout/connect/back-channel/{registrationId}";

  @Bean
  @Order(2)
  SecurityFilterChain webapps(
      HttpSecurity http,
      ClientRegistrationRepository clients,
      JwtDecoder decoder,
      SecurityProperties properties)
      throws Exception {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
    long maxAge = properties.webSessionMaxLifetime().toSeconds();
    // Keycloak requires PKCE of this confidential client too; Spring adds it only for public ones.
    // max_age: Keycloak's own session may be older than a web session may live; then it asks again.
    resolver.setAuthorizationRequestCustomizer(
        OAuth2AuthorizationRequestCustomizers.withPkce()
            .andThen(r -> r.additionalParameters(p -> p.put("max_age", String.valueOf(maxAge)))));
    var logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
    logout.setPostLogoutRedirectUri("{baseUrl}/camunda/app/welcome/default/");
    return http.authorizeHttpRequests(
            a ->
                // The management port listens on loopback only; Prometheus scrapes it
                // unauthenticated.
                a.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            o ->
                o.authorizationEndpoint(e -> e.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(u -> u.oidcUserService(checkedUsers(decoder))))
        .oidcLogout(o -> o.backChannel(Customizer.withDefaults()))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(logout))
        .addFilterAfter(
            new WebSessionLifetime(properties.webSessionMaxLifetime(), Clock.systemUTC()),
            SecurityContextHolderFilter.class)
        // Camunda's webapps carry their own CSRF protection on their API; Keycloak's logout token
        // is signed, which is what the back-channel endpoint checks.
        .csrf(
            c ->
                c.ignoringRequestMatchers(
                    "/camunda/api/**", BACK_CHANNEL_LOGOUT.replace("{registrationId}", "*")))
        .build();
  }

  /**
   * Signs the person in only if the access token Keycloak issued with the ID token passes the APIs'
   * checks: the platform's client, the APIs' audience and, for staff, a second factor.
   */
  static OAuth2UserService<OidcUserRequest, OidcUser> checkedUsers(JwtDecoder decoder) {
    var users = new OidcUserService();
    return request -> {
      try {
        decoder.decode(request.getAccessToken().getTokenValue());
      } catch (JwtException e) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error("access_denied", e.getMessage(), null), e);
      }
      return users.loadUser(request);
    };
  }

  /**
   * Publishes the container's session events to Spring Security. Sign-in changes the session's id
   * after the OIDC session registry recorded it; without the id-change event the registry would
   * keep the old id and a back-channel logout would find no session to end. Ended sessions are also
   * dropped from the registry instead of piling up.
   */
  @Bean
  static HttpSessionEventPublisher sessionEvents() {
    return new HttpSessionEventPublisher();
  }

  /** After Spring Security (order 201): the signed-in user becomes Camunda's authenticated user. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaAuthentication() {
    var registration = new FilterRegistrationBean<ContainerBasedAuthenticationFilter>();
    registration.setFilter(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", SingleSignOnAuthentication.class.getName()));
    registration.setOrder(201);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    return registration;
  }
}
