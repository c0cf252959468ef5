package et.coffeeexport.identity.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The engine REST API and the submission API are resource servers: a valid realm token for the
 * APIs' audience on every request, no session, no cookie.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class EngineRestSecurity {

  @Bean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    return Tokens.decoder(properties);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, JwtDecoder decoder, IdentityService identityService)
      throws Exception {
    // Jersey, not Spring MVC, serves /engine-rest: match on the raw request path.
    var paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(
            new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/api/**")))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(paths.matcher("/api/openapi.yaml"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            o ->
                o.jwt(j -> j.decoder(decoder))
                    .authenticationEntryPoint(Problems.unauthorized())
                    .accessDeniedHandler(Problems.forbidden()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(Problems.unauthorized())
                    .accessDeniedHandler(Problems.forbidden()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterAfter(
            new EngineAuthentication(identityService), BearerTokenAuthenticationFilter.class)
        .build();
  }
}
