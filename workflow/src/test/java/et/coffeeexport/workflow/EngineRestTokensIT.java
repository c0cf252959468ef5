package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine REST API accepts only tokens of the coffee-export realm, for the APIs' audience,
 * obtained by one of the platform's clients, signed by the realm's key, unexpired. Every token here
 * is a real Keycloak token, or one altered from it.
 */
class EngineRestTokensIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder B64 = Base64.getUrlDecoder();
  private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();
  private static KeycloakAdmin admin;
  private static String officerToken;
  private static String run = UUID.randomUUID().toString().substring(0, 8);
  private static String withAudience;
  private static String withoutAudience;

  @BeforeAll
  static void tokens() throws Exception {
    Workflow.requireRunning();
    admin = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    officerToken = RealmLogin.accessToken("custom-authorities.officer");
    withAudience = admin.createServiceClient("it-api-" + run, "s-" + run, true, 60);
    withoutAudience = admin.createServiceClient("it-noaud-" + run, "s-" + run, false, 60);
  }

  @AfterAll
  static void removeClients() throws Exception {
    admin.deleteClient(withAudience);
    admin.deleteClient(withoutAudience);
  }

  @Test
  void anOfficersTokenIsAccepted() throws Exception {
    assertThat(Workflow.get("task", officerToken).statusCode()).isEqualTo(200);
  }

  @Test
  void noTokenGets401AsProblemJson() throws Exception {
    var response = Workflow.get("task", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
  }

  @Test
  void aTokenOfAnotherRealmGets401() throws Exception {
    String master = admin.masterRealmToken();
    assertThat(claims(master).get("iss").asText()).endsWith("/realms/master");
    assertThat(Workflow.get("task", master).statusCode()).isEqualTo(401);
  }

  @Test
  void aRealmTokenForAnotherAudienceGets401() throws Exception {
    String other = clientToken("it-noaud-" + run);
    assertThat(claims(other).path("aud").toString()).doesNotContain("coffee-export-api");
    assertThat(Workflow.get("task", other).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenForTheApisObtainedByAnotherClientOfTheRealmGets401() throws Exception {
    // A genuine realm token, signed by the realm's key and addressed to the APIs: only its azp is
    // not one of the platform's clients.
    String other = clientToken("it-api-" + run);
    assertThat(claims(other).path("aud").toString()).contains("coffee-export-api");
    assertThat(claims(other).path("azp").asText()).isEqualTo("it-api-" + run);
    var response = Workflow.get("task", other);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("not issued to a client of the platform");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");
  }

  @Test
  void anExpiredTokenGets401() throws Exception {
    // Tokens of the platform's own client, made short-lived for the moment of one sign-in (the
    // only way to get a genuine, accepted token that expires within the test).
    String exporter = "exporter";
    String[] user = new RealmLogin().devUser(exporter);
    String previous = admin.setClientAttribute("coffee-export-cli", "access.token.lifespan", "2");
    String token;
    try {
      token = RealmLogin.cli().signIn(exporter, user[1], "");
    } finally {
      admin.setClientAttribute("coffee-export-cli", "access.token.lifespan", previous);
    }
    long expiry = claims(token).get("exp").asLong();
    assertThat(expiry - claims(token).get("iat").asLong()).isEqualTo(2);
    assertThat(Workflow.get("task", token).statusCode())
        .as("accepted while fresh (what an exporter may do with the engine is not this test's)")
        .isNotEqualTo(401);
    // The application tolerates 10 s of clock difference with Keycloak.
    Instant rejectedFrom = Instant.ofEpochSecond(expiry).plusSeconds(11);
    while (Instant.now().isBefore(rejectedFrom)) {
      Thread.sleep(Duration.between(Instant.now(), rejectedFrom).toMillis() + 100);
    }
    var response = Workflow.get("task", token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("expired");
  }

  @Test
  void anUnsignedTokenGets401() throws Exception {
    String[] parts = officerToken.split("\\.");
    String none =
        B64E.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertThat(Workflow.get("task", none).statusCode()).isEqualTo(401);
  }

  @Test
  void theRealmsClaimsSignedByAForeignKeyGet401() throws Exception {
    String[] parts = officerToken.split("\\.");
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var keys = generator.generateKeyPair();
    // Same header (alg, kid) and claims as the real token; only the key differs.
    String signingInput = parts[0] + "." + parts[1];
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(keys.getPrivate());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String forged = signingInput + "." + B64E.encodeToString(rsa.sign());
    assertThat(Workflow.get("task", forged).statusCode()).isEqualTo(401);
    assertThat(Workflow.get("task", officerToken).statusCode()).isEqualTo(200);
  }

  @Test
  void aTamperedClaimGets401() throws Exception {
    String[] parts = officerToken.split("\\.");
    ObjectNode claims = (ObjectNode) claims(officerToken);
    claims.put("preferred_username", "custom-authorities.supervisor");
    String tampered =
        parts[0] + "." + B64E.encodeToString(JSON.writeValueAsBytes(claims)) + "." + parts[2];
    assertThat(Workflow.get("task", tampered).statusCode()).isEqualTo(401);
  }

  private static String clientToken(String clientId) throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret=s-"
            + run;
    var response =
        Workflow.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:8180/realms/coffee-export/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private static com.fasterxml.jackson.databind.JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(B64.decode(jwt.split("\\.")[1]));
  }
}
