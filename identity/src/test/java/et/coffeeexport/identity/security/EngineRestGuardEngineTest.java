package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = EngineRestGuardEngineTest.App.class,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "spring.flyway.enabled=false",
      "camunda.bpm.webapp.enabled=false",
      "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration,org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration"
    })
/**
 * The guard in front of the real engine REST API (Jersey) on an in-memory engine, behind a
 * resource-server chain like the application's: it runs after Spring Security (knows the caller),
 * Jersey reads the body the guard already read, and the engine's own errors leave as problems.
 * Tokens are fake ({@code user~group+group~role}): the realm's tokens are the ITs' business.
 */
class EngineRestGuardEngineTest {
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableWebSecurity
  @Import(EngineRestGuard.Registration.class)
  static class App {
    @Bean
    javax.sql.DataSource dataSource() {
      return new org.springframework.jdbc.datasource.SimpleDriverDataSource(
          new org.h2.Driver(), "jdbc:h2:mem:guard;DB_CLOSE_DELAY=-1");
    }

    @Bean
    org.springframework.transaction.PlatformTransactionManager transactionManager(
        javax.sql.DataSource ds) {
      return new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds);
    }

    @Bean
    JwtDecoder decoder() {
      return token -> {
        String[] p = token.split("~", -1);
        return Jwt.withTokenValue(token)
            .header("alg", "none")
            .subject(p[0])
            .claim("preferred_username", p[0])
            .claim("groups", Stream.of(p[1].split("\\+")).map(g -> "/" + g).toList())
            .claim("realm_access", Map.of("roles", List.of(p[2].split("\\+"))))
            .build();
      };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http, JwtDecoder decoder, IdentityService ids)
        throws Exception {
      return http.securityMatcher(
              org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                  .withDefaults()
                  .matcher("/engine-rest/**"))
          .authorizeHttpRequests(a -> a.anyRequest().authenticated())
          .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder)))
          .csrf(c -> c.disable())
          .addFilterAfter(new EngineAuthentication(ids), BearerTokenAuthenticationFilter.class)
          .build();
    }
  }

  static final String OFFICER = "commercial-bank.officer~commercial-bank~officer";
  static final String ADMIN = "admin~camunda-admin~admin";
  static final String EXPORTER = "exp~exporters~exporter";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  final HttpClient http = HttpClient.newHttpClient();
  private String task;
  private String processInstance;

  @BeforeEach
  void aReviewWithOneFormField() {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("P")
            .count()
        == 0) {
      var model =
          Bpmn.createExecutableProcess("P")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("Review")
              .camundaCandidateGroups("commercial-bank")
              .camundaFormField()
              .camundaId("decision")
              .camundaType("string")
              .camundaFormFieldDone()
              .endEvent()
              .done();
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", model).deploy();
    }
    processInstance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("P", Map.of("exportId", (Object) "EXP-1"))
            .getId();
    task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstance)
            .singleResult()
            .getId();
  }

  @Test
  void theAssigneeCompletesWithTheFormsFieldOnly() throws Exception {
    assertProblem(call("POST", "task/" + task + "/complete", OFFICER, "{}"), 403);
    assertThat(
            call(
                    "POST",
                    "task/" + task + "/claim",
                    OFFICER,
                    "{\"userId\":\"commercial-bank.officer\"}")
                .statusCode())
        .isEqualTo(204);
    var refused =
        call(
            "POST",
            "task/" + task + "/complete",
            OFFICER,
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"exportId\":{\"value\":\"EXP-2\"}}}");
    assertProblem(refused, 400);
    assertThat(refused.body()).contains("exportId");
    assertProblem(
        call("PUT", "task/" + task + "/variables/exportId", OFFICER, "{\"value\":\"EXP-2\"}"), 403);
    assertProblem(call("POST", "engine/default/task/" + task + "/variables", OFFICER, "{}"), 403);
    assertProblem(
        call("POST", "task/" + task + "/bpmnError", OFFICER, "{\"errorCode\":\"X\"}"), 403);

    var done =
        call(
            "POST",
            "task/" + task + "/submit-form",
            OFFICER,
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(variable("exportId")).isEqualTo("EXP-1");
    assertThat(variable("decision"))
        .as("the engine read the body the guard read")
        .isEqualTo("APPROVE");
  }

  @Test
  void exportersAreRefusedAndOfficersRead() throws Exception {
    assertProblem(call("GET", "task", EXPORTER, null), 403);
    var tasks = call("GET", "task", OFFICER, null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(tasks.body()).contains(task);
    assertThat(call("GET", "engine/default/task/count", OFFICER, null).statusCode()).isEqualTo(200);
  }

  @Test
  void badInputIsAClientErrorAsAProblem() throws Exception {
    assertProblem(call("GET", "task?maxResults=-5", OFFICER, null), 400);
    assertProblem(call("GET", "task?firstResult=abc", ADMIN, null), 400);
    assertProblem(call("GET", "task/" + UUID.randomUUID() + "/variables", OFFICER, null), 404);
    assertProblem(
        call("GET", "process-instance/" + UUID.randomUUID() + "/variables", ADMIN, null), 404);
    var unknownDefinition = call("GET", "process-definition/nope/xml", ADMIN, null);
    assertProblem(unknownDefinition, 404);
    assertThat(unknownDefinition.body()).doesNotContain("Exception");
    var badDate = call("GET", "task?dueBefore=notadate", ADMIN, null);
    assertProblem(badDate, 400);
    assertThat(badDate.body()).doesNotContain("java.util");
    assertProblem(call("POST", "task", ADMIN, "{not json"), 400);
  }

  @Test
  void administratorsSetVariables() throws Exception {
    var set =
        call(
            "PUT",
            "process-instance/" + processInstance + "/variables/x",
            ADMIN,
            "{\"value\":\"y\",\"type\":\"String\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
  }

  private String variable(String name) {
    return (String)
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstance)
            .variableName(name)
            .singleResult()
            .getValue();
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/" + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status);
  }
}
