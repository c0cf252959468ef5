package et.coffeeexport.identity.security;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Tasklist, Cockpit and Admin behind Keycloak single sign-on (authorization code with PKCE; the
 * second factor is Keycloak's business), bridged into Camunda's container-based authentication.
 * Camunda's own login form never sees a password.
 */
@Configuration
class WebAppSecurity {

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, ClientRegistrationRepository clients)
      throws Exception {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
    // Keycloak requires PKCE of this confidential client too; Spring adds it only for public ones.
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
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
        .oauth2Login(o -> o.authorizationEndpoint(e -> e.authorizationRequestResolver(resolver)))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(logout))
        // Camunda's webapps carry their own CSRF protection on their API.
        .csrf(c -> c.ignoringRequestMatchers("/camunda/api/**"))
        .build();
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
