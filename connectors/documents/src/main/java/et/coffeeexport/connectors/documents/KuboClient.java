package et.coffeeexport.connectors.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A small client of kubo's RPC API ({@code /api/v0}, POST only): add with pin, cat, pin status,
 * node identity. No Java IPFS client is maintained on Maven Central.
 */
public final class KuboClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI api;
  private final HttpClient http;
  private final Duration deadline;

  /**
   * @param api for instance {@code http://127.0.0.1:5001}
   */
  public KuboClient(URI api, Duration deadline) {
    this.api = api;
    this.deadline = deadline;
    this.http = HttpClient.newBuilder().connectTimeout(deadline).build();
  }

  /** Adds {@code bytes} as one raw-leaved CIDv1 file, pinned; returns its CID. */
  public String addPinned(byte[] bytes) {
    String boundary = "cec-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 256);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<byte[]> response =
        post(
            "add?pin=true&cid-version=1&raw-leaves=true&quieter=true",
            HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
            "multipart/form-data; boundary=" + boundary);
    return json(response).path("Hash").asText();
  }

  /** The bytes stored under {@code cid}. */
  public byte[] cat(String cid) {
    return post("cat?arg=" + encode(cid), HttpRequest.BodyPublishers.noBody(), null).body();
  }

  /** Whether {@code cid} is pinned (recursively) on this node. */
  public boolean isPinned(String cid) {
    HttpResponse<byte[]> response =
        send("pin/ls?type=recursive&arg=" + encode(cid), HttpRequest.BodyPublishers.noBody(), null);
    if (response.statusCode() == 200) {
      return json(response).path("Keys").has(cid);
    }
    return false;
  }

  /** The node's peer id; also the health check. */
  public String id() {
    return json(post("id", HttpRequest.BodyPublishers.noBody(), null)).path("ID").asText();
  }

  private HttpResponse<byte[]> post(String path, HttpRequest.BodyPublisher body, String type) {
    HttpResponse<byte[]> response = send(path, body, type);
    if (response.statusCode() != 200) {
      throw new DocumentStoreUnavailable(
          "kubo answered "
              + response.statusCode()
              + " to "
              + path.replaceAll("\\?.*", "")
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8).trim(),
          null);
    }
    return response;
  }

  private HttpResponse<byte[]> send(String path, HttpRequest.BodyPublisher body, String type) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve("/api/v0/" + path)).timeout(deadline).POST(body);
    if (type != null) {
      request.header("Content-Type", type);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new DocumentStoreUnavailable("kubo unreachable at " + api, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DocumentStoreUnavailable("interrupted while talking to kubo", e);
    }
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new DocumentStoreUnavailable("kubo answered something that is not JSON", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
