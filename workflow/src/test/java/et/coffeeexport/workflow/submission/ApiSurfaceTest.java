package et.coffeeexport.workflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.workflow.StreamedPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The submission API's surface on a real embedded Tomcat, without the platform behind it: body
 * limits enforced while reading, every failure a problem without internals, and the generated
 * OpenAPI document. The controllers have no collaborators here: every request below is answered
 * before a handler runs.
 */
@SpringBootTest(
    classes = ApiSurfaceTest.Api.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The rest (springdoc, Tomcat and multipart limits) is the application's own application.yaml.
    properties = {
      "coffee-export.api.max-json-body=64KB",
      "coffee-export.connectors.max-document-bytes=1048576"
    })
@org.springframework.test.context.ContextConfiguration(
    initializers = ApiSurfaceTest.OtherFeaturesControllers.class)
class ApiSurfaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HUGE = 300L * 1024 * 1024;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;

  @SpringBootConfiguration
  @ImportAutoConfiguration({
    org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
    org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration
        .class,
    org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration.class,
    org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration.class,
    org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration.class,
    org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration.class,
    org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration.class,
    org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration.class,
    org.springdoc.core.configuration.SpringDocConfiguration.class,
    org.springdoc.core.properties.SpringDocConfigProperties.class,
    org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration.class
  })
  @Import({ApiLimits.class, ApiProblems.class, ApiDocument.class, ErrorProblems.class})
  static class Api {
    /** Refuses one path before Spring MVC, as the security firewall refuses a request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> refusing() {
      var registration =
          new org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>(
              (request, response, chain) ->
                  ((jakarta.servlet.http.HttpServletResponse) response).sendError(400));
      registration.addUrlPatterns("/api/refused-by-a-filter");
      return registration;
    }

    @Bean
    SubmissionController submissions() {
      return new SubmissionController(null, null);
    }

    @Bean
    ShipmentController shipments() {
      return new ShipmentController(null, null, null);
    }
  }

  /**
   * The other features' controllers under {@code /api} (package-private, as controllers are), with
   * no collaborators either: their surface and their part of the document.
   */
  static class OtherFeaturesControllers
      implements org.springframework.context.ApplicationContextInitializer<
          org.springframework.context.support.GenericApplicationContext> {
    @Override
    public void initialize(org.springframework.context.support.GenericApplicationContext context) {
      for (String name :
          java.util.List.of(
              "et.coffeeexport.workflow.registration.RegistrationController",
              "et.coffeeexport.workflow.exporterview.ExporterViewController")) {
        try {
          @SuppressWarnings("unchecked")
          Class<Object> type = (Class<Object>) Class.forName(name);
          var constructor = type.getDeclaredConstructors()[0];
          constructor.setAccessible(true);
          Object controller = constructor.newInstance(new Object[constructor.getParameterCount()]);
          context.registerBean(type, () -> controller);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("no controller " + name, e);
        }
      }
    }
  }

  @Test
  void anApplicationsBodyIsHeldToTheSameLimits() throws Exception {
    assertProblem(
        post("/api/registration", "application/json", "[" + "1,".repeat(40_000) + "1]"), 413);
    assertProblem(post("/api/registration/renewal", "text/plain", "hello"), 415);
    assertProblem(
        post("/api/registration/LIC-1/documents/EXPORT_LICENCE", "application/json", "{}"), 415);
    assertProblem(send("DELETE", "/api/exporters/me", null, null), 405);
  }

  @Test
  void aDeclaredOversizeUploadIsRefusedBeforeAByteOfItIsRead() throws Exception {
    var answer =
        StreamedPost.send(
            uri("/api/exports/EXP-1/documents/SALES_CONTRACT"),
            Map.of("Content-Type", "application/pdf"),
            HUGE,
            true);
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(answer.body()).path("limitBytes").asLong()).isEqualTo(1048576);
    assertThat(answer.bytesSent()).as("bytes of the body the client had to send").isZero();
  }

  @Test
  void anOversizeBodyOfUndeclaredLengthIsCutAtTheLimit() throws Exception {
    var answer =
        StreamedPost.send(
            uri("/api/exports/EXP-1/documents/SALES_CONTRACT"),
            Map.of("Content-Type", "application/pdf"),
            HUGE,
            false);
    assertThat(answer.status()).as(answer.body()).isIn(413, -1);
    if (answer.status() == 413) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    assertThat(answer.bytesSent())
        .as("the server stopped reading at the limit (1 MiB) plus what Tomcat drains (2 MiB)")
        .isLessThan(HUGE / 10);
  }

  @Test
  void anOversizeJsonBodyIs413() throws Exception {
    String big = "[" + "1,".repeat(40_000) + "1]";
    var response = post("/api/exports", "application/json", big);
    assertProblem(response, 413);
  }

  @Test
  void deeplyNestedJsonIsRefusedWhileParsing() throws Exception {
    // Deeper than the APIs allow, far shallower than Jackson's own default (1,000).
    String deep = "[".repeat(40) + "]".repeat(40);
    var response = post("/api/exports/EXP-1/cancellation", "application/json", deep);
    assertProblem(response, 400);
    assertThat(response.body()).contains("nesting depth", "maximum allowed (32)");
  }

  @Test
  void malformedJsonIsA400NamingWhere() throws Exception {
    var response = post("/api/exports/EXP-1/cancellation", "application/json", "{\"reasons\":");
    assertProblem(response, 400);
    assertThat(response.body()).contains("not well-formed JSON");
  }

  @Test
  void aProblemIsProblemJsonWhateverTheClientAccepts() throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/exports/EXP-1/cancellation"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("{"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(response, 400);
  }

  @Test
  void aMultipartBodyWithoutBoundaryIsA400() throws Exception {
    var response = post("/api/exports", "multipart/form-data", "x");
    assertProblem(response, 400);
  }

  @Test
  void theFrameworksOwnRefusalsAreProblemsToo() throws Exception {
    assertProblem(post("/api/exports", "text/plain", "hello"), 415);
    assertProblem(
        post("/api/exports/EXP-1/documents/SALES_CONTRACT", "application/json", "{}"), 415);
    assertProblem(send("DELETE", "/api/exports", null, null), 405);
    assertProblem(send("GET", "/api/no-such-thing", null, null), 404);
    assertProblem(send("GET", "/api/refused-by-a-filter", null, null), 400);
  }

  @Test
  void theOpenApiDocumentIsGeneratedWithEveryEndpointStatusAndLimit() throws Exception {
    var response = send("GET", "/api/openapi.yaml", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    // Kept for review beside the build's other output.
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.yaml"), response.body());
    JsonNode api =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(response.body());
    assertThat(api.path("paths").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "/api/exports",
            "/api/exports/{exportId}",
            "/api/exports/{exportId}/history",
            "/api/exports/{exportId}/cancellation",
            "/api/exports/{exportId}/documents/{type}",
            "/api/shipments/{exportId}/milestones",
            "/api/shipments/{exportId}/arrival",
            "/api/registration",
            "/api/registration/renewal",
            "/api/registration/{applicationId}",
            "/api/registration/{applicationId}/documents/{type}",
            "/api/exporters/me");
    assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    api.path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      assertThat(operation.path("responses").fieldNames())
                          .toIterable()
                          .contains("400", "401", "403", "404", "406", "503");
                      if (operation.has("requestBody")) {
                        assertThat(operation.path("responses").fieldNames())
                            .toIterable()
                            .contains("413", "415");
                      }
                    }));
    JsonNode key = api.at("/paths/~1api~1exports/post/parameters/0");
    assertThat(key.path("name").asText()).isEqualTo("Idempotency-Key");
    assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(FilingIds.KEY_MAX);
    assertThat(api.at("/components/schemas/ExportTerms/required").toString())
        .contains("pricePerLbUsd")
        .doesNotContain("salt");
    assertThat(api.at("/info/description").asText()).contains("65536 bytes", "1048576 bytes");
    assertThat(api.at("/paths/~1api~1exports/get/parameters/0/name").asText())
        .isEqualTo("pageSize");
    assertThat(api.at("/paths/~1api~1registration/post/parameters/0/name").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(api.at("/components/schemas/Registration/required").toString())
        .contains("licenceExpiry", "tin", "capitalEtb");
    assertThat(api.at("/components/schemas/Exporter/properties/standing").isObject()).isTrue();
    for (String upload :
        java.util.List.of(
            "/paths/~1api~1exports~1{exportId}~1documents~1{type}/post",
            "/paths/~1api~1registration~1{applicationId}~1documents~1{type}/post")) {
      assertThat(api.at(upload + "/requestBody/content/application~1pdf/schema/format").asText())
          .as("%s takes the file itself", upload)
          .isEqualTo("binary");
    }
    assertThat(api.at("/components/schemas/ExportLine/properties/documentsToProvide").isObject())
        .isTrue();
  }

  private void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body())
        .as("no internal class names")
        .doesNotContain("et.coffeeexport", "java.", "springframework", "Exception");
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return send("POST", path, contentType, body);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
