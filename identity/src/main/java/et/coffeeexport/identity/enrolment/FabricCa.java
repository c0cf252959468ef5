package et.coffeeexport.identity.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client of one organisation's Fabric CA over its REST API ({@code /api/v1}): enrol, register,
 * reset an enrollment secret, revoke. TLS is verified against the CA's own TLS certificate.
 */
public final class FabricCa {
  static final int ALREADY_REGISTERED = 74;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final String caName;
  private final HttpClient http;
  private final Duration deadline;

  public FabricCa(URI url, String caName, Path tlsCertificate, Duration deadline) {
    this.url = url;
    this.caName = caName;
    this.deadline = deadline;
    this.http =
        HttpClient.newBuilder()
            .sslContext(trusting(tlsCertificate))
            .connectTimeout(deadline)
            .build();
  }

  /** Enrols with an enrollment secret: a fresh P-256 key, a CSR, and the certificate back. */
  public Enrolment enroll(String enrollmentId, String secret) {
    KeyPair keys = CertificateSigningRequest.newKeyPair();
    ObjectNode body = JSON.createObjectNode();
    body.put("certificate_request", CertificateSigningRequest.pem(enrollmentId, keys));
    body.put("caname", caName);
    String basic =
        Base64.getEncoder()
            .encodeToString((enrollmentId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    JsonNode result = send("POST", "/api/v1/enroll", body, "Basic " + basic);
    String cert =
        new String(
            Base64.getDecoder().decode(result.path("Cert").asText()), StandardCharsets.UTF_8);
    return new Enrolment(enrollmentId, cert, keys.getPrivate());
  }

  /**
   * Registers a client identity with attributes written into its enrolment certificate, and returns
   * the one-time secret to enrol with. An identity registered earlier (a registration whose
   * enrolment never happened) gets a new secret instead.
   */
  public String register(Enrolment registrar, String enrollmentId, Map<String, String> attributes) {
    return register(registrar, enrollmentId, "client", attributes);
  }

  /**
   * {@link #register(Enrolment, String, Map)} for an identity of another {@code type} ({@code
   * admin}, {@code peer}, ...), in the registrar's affiliation: what the application's enrolment
   * registrar must be refused (tests).
   */
  public String register(
      Enrolment registrar, String enrollmentId, String type, Map<String, String> attributes) {
    String secret = Secrets.random();
    ObjectNode body = JSON.createObjectNode();
    body.put("id", enrollmentId);
    body.put("type", type);
    body.put("secret", secret);
    body.put("max_enrollments", 1);
    body.put("affiliation", ""); // the registrar's own
    body.put("caname", caName);
    var attrs = body.putArray("attrs");
    attributes.forEach(
        (k, v) -> attrs.addObject().put("name", k).put("value", v).put("ecert", true));
    try {
      send("POST", "/api/v1/register", body, registrar);
    } catch (CaRefusal e) {
      if (e.code() != ALREADY_REGISTERED) {
        throw e;
      }
      ObjectNode modify = JSON.createObjectNode().put("secret", secret).put("caname", caName);
      modify.put("max_enrollments", 1);
      send("PUT", "/api/v1/identities/" + enrollmentId + "?ca=" + caName, modify, registrar);
    }
    return secret;
  }

  /** Revokes every certificate of the identity; the CA refuses it any further enrolment. */
  public void revoke(Enrolment registrar, String enrollmentId, String reason) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", enrollmentId);
    body.put("reason", reason);
    body.put("caname", caName);
    send("POST", "/api/v1/revoke", body, registrar);
  }

  private JsonNode send(String method, String path, ObjectNode body, Enrolment caller) {
    byte[] bytes = bytes(body);
    return send(
        method,
        path,
        body,
        CaToken.of(caller.certificatePem(), caller.privateKey(), method, path, bytes));
  }

  private JsonNode send(String method, String path, ObjectNode body, String authorization) {
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve(path))
            .timeout(deadline)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
            .build();
    JsonNode answer;
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CaUnavailable(url + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaUnavailable(url + path, e);
    }
    if (!answer.path("success").asBoolean(false)) {
      JsonNode error = answer.path("errors").path(0);
      throw new CaRefusal(
          error.path("code").asInt(0), error.path("message").asText(answer.toString()));
    }
    return answer.path("result");
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext trusting(Path certificate) {
    try (InputStream in = Files.newInputStream(certificate)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the CA's TLS certificate " + certificate, e);
    }
  }
}
