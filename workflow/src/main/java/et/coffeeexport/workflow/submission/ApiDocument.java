package et.coffeeexport.workflow.submission;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The APIs' OpenAPI document, generated from the controllers by springdoc and served at {@code
 * /api/openapi.yaml}: their operations and success answers come from the controllers' annotations;
 * the failures every operation can answer (as {@code application/problem+json}) and the limits are
 * added here, once, because {@link ApiProblems} and {@link BodyLimits} answer them for all.
 */
@Configuration
class ApiDocument {
  static final String BEARER = "bearer";
  private static final String PROBLEM = "Problem";

  @Bean
  OpenAPI submissionApi(ApiLimits limits) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Coffee Export Consortium — exporter submission API")
                .version("1")
                .description(
                    "Exporters file, follow, amend and cancel their export requests and upload"
                        + " their documents; Shipping Line reports tracking. Every write is signed"
                        + " on the ledger with the caller's own Fabric identity. Errors are"
                        + " application/problem+json; a chaincode refusal carries its stable code"
                        + " in `code`. Limits: a JSON body at most "
                        + limits.maxJsonBytes()
                        + " bytes, nested at most "
                        + ApiLimits.MAX_JSON_DEPTH
                        + " levels, strings at most "
                        + ApiLimits.MAX_JSON_STRING
                        + " characters, numbers at most "
                        + ApiLimits.MAX_JSON_NUMBER
                        + " digits; a document at most "
                        + limits.maxDocumentBytes()
                        + " bytes. A larger body is answered 413 before it is read."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "An access token of realm coffee-export for audience"
                                + " coffee-export-api"))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /**
   * Adds to every operation the failures {@link ApiProblems}, {@link BodyLimits} and the security
   * chain answer for all, and says so for those with a body.
   */
  @Bean
  OpenApiCustomizer failuresOfEveryOperation() {
    return api ->
        api.getPaths()
            .values()
            .forEach(
                path ->
                    path.readOperationsMap()
                        .forEach((method, operation) -> addFailures(method, operation)));
  }

  private static void addFailures(PathItem.HttpMethod method, Operation operation) {
    Map<String, String> failures = new TreeMap<>();
    failures.put("400", "The request is malformed: a missing or wrong field, header or value");
    failures.put("401", "No valid bearer token");
    failures.put("403", "The caller may not do this (role, organisation, ledger identity)");
    failures.put("404", "No such export for this caller");
    failures.put("406", "The Accept header asks for a type this operation cannot answer");
    failures.put("503", "A component (ledger, document store) is away; retry the same request");
    if (method != PathItem.HttpMethod.GET) {
      failures.put("409", "The export's state or an earlier request with this key forbids it");
      failures.put("413", "The body is larger than this operation accepts (see the limits)");
      failures.put("415", "The body's content type is not one this operation takes");
      failures.put("422", "The ledger refused it under the export rules (`code` says which)");
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    failures.forEach(
        (status, description) -> {
          if (!responses.containsKey(status)) {
            responses.addApiResponse(status, problem(description));
          }
        });
    operation.setResponses(responses);
  }

  static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("code", new StringSchema().description("the chaincode's refusal code"))
        .addProperty(
            "limitBytes", new IntegerSchema().description("the body limit a 413 refers to"));
  }
}
