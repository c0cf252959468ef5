package et.coffeeexport.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person logging in to the workflow application's client through Keycloak's real login pages, as
 * a browser would (cookies, forms, the authorization-code flow with PKCE), without the browser.
 */
public final class RealmLogin {
  static final String BASE = "http://localhost:8180/realms/coffee-export/protocol/openid-connect";
  static final String CLIENT = "coffee-export-webapp";
  static final String REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";
  static final String CLI_CLIENT = "coffee-export-cli";
  static final String CLI_REDIRECT = "http://127.0.0.1/callback";
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path state =
      Optional.ofNullable(System.getenv("CEC_STATE_DIR"))
          .map(Path::of)
          .orElse(
              Path.of(System.getProperty("cec.home", ".."))
                  .toAbsolutePath()
                  .normalize()
                  .resolve(".state"));
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LocalhostCookies())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String verifier = base64Url(random(32));
  private final String client;
  private final String redirect;
  private final boolean confidential;
  private String page;
  public HttpResponse<String> last;

  /** Through the workflow application's client (confidential, its secret from the state). */
  public RealmLogin() {
    this(CLIENT, REDIRECT, true);
  }

  private RealmLogin(String client, String redirect, boolean confidential) {
    this.client = client;
    this.redirect = redirect;
    this.confidential = confidential;
  }

  /**
   * Through the public command-line client, as `cec token` and an exporter's own system sign in.
   */
  public static RealmLogin cli() {
    return new RealmLogin(CLI_CLIENT, CLI_REDIRECT, false);
  }

  /** Opens the login page of the authorization-code flow. */
  public RealmLogin start() throws Exception {
    String challenge =
        base64Url(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String url =
        BASE
            + "/auth?"
            + form(
                Map.of(
                    "client_id",
                    client,
                    "response_type",
                    "code",
                    "scope",
                    "openid",
                    "redirect_uri",
                    redirect,
                    "state",
                    "s-" + System.nanoTime(),
                    "code_challenge",
                    challenge,
                    "code_challenge_method",
                    "S256"));
    last =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    page = last.body();
    return this;
  }

  /** Posts the form on the current page. */
  public RealmLogin submit(Map<String, String> fields) throws Exception {
    Matcher m = FORM_ACTION.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no form on the page (status " + last.statusCode() + ")");
    }
    String action = m.group(1).replace("&amp;", "&");
    last =
        http.send(
            HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Like a browser, follow Keycloak's own redirects (required actions); stop at the application's
    // redirect URI.
    for (int hops = 0; hops < 5 && last.statusCode() / 100 == 3; hops++) {
      String location = last.headers().firstValue("Location").orElse("");
      if (!location.startsWith("http://localhost:8180/")) {
        break;
      }
      last =
          http.send(
              HttpRequest.newBuilder(URI.create(location)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    }
    page = last.body();
    return this;
  }

  /**
   * Opens a page of the workflow application the way a browser does: the application redirects to
   * Keycloak, whose login page becomes the current page.
   */
  public RealmLogin startAt(URI app) throws Exception {
    last =
        http.send(HttpRequest.newBuilder(app).GET().build(), HttpResponse.BodyHandlers.ofString());
    for (int hops = 0; hops < 5 && last.statusCode() / 100 == 3; hops++) {
      last =
          http.send(
              HttpRequest.newBuilder(
                      app.resolve(last.headers().firstValue("Location").orElseThrow()))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    page = last.body();
    return this;
  }

  /**
   * Follows Keycloak's redirect back into the application (which exchanges the code) and on to the
   * page first asked for, returning that page.
   */
  public HttpResponse<String> followToApp() throws Exception {
    for (int hops = 0; hops < 5 && last.statusCode() / 100 == 3; hops++) {
      URI next = last.request().uri().resolve(last.headers().firstValue("Location").orElseThrow());
      last =
          http.send(
              HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
    page = last.body();
    return last;
  }

  /**
   * Enters the current TOTP code. Keycloak accepts each code once; when another test just used this
   * window's code, the next window's code is entered instead.
   */
  public RealmLogin submitTotp(String secret) throws Exception {
    submit(Map.of("otp", Totp.code(secret, java.time.Instant.now())));
    if (asksForOneTimeCode()) {
      long window = java.time.Instant.now().getEpochSecond() / 30;
      while (java.time.Instant.now().getEpochSecond() / 30 == window) {
        Thread.sleep(250);
      }
      submit(Map.of("otp", Totp.code(secret, java.time.Instant.now())));
    }
    return this;
  }

  /** A form POST in this browser session (its cookies). */
  public HttpResponse<String> postForm(URI uri, Map<String, String> fields) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET in this browser session (its cookies). */
  public HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A development user's access token for the APIs, through the whole code flow (with the TOTP code
   * when the user has a second factor).
   */
  public static String accessToken(String username) throws Exception {
    String[] user = new RealmLogin().devUser(username);
    return accessToken(username, user[1], user[2]);
  }

  /** Any user's access token; {@code totpSecret} may be empty for users without a second factor. */
  public static String accessToken(String username, String password, String totpSecret)
      throws Exception {
    return new RealmLogin().signIn(username, password, totpSecret);
  }

  /** Signs in through this login's client; returns the access token. */
  public String signIn(String username, String password, String totpSecret) throws Exception {
    RealmLogin login = this;
    login.start().submit(Map.of("username", username, "password", password));
    if (login.asksForOneTimeCode()) {
      login.submitTotp(totpSecret);
    }
    String code =
        login.code().orElseThrow(() -> new IllegalStateException("no code: " + login.describe()));
    return login.tokens(code).get("access_token").asText();
  }

  /** The page's title and first message, for assertion messages. */
  public String describe() {
    return last.statusCode()
        + " "
        + page.replaceAll("(?s).*<title>([^<]*)</title>.*", "$1")
        + " | "
        + page.replaceAll(
                "(?s).*?(kc-feedback-text|pf-v5-c-alert__title|id=\"kc-page-title\")[^>]*>\\s*([^<]{0,120}).*",
                "$2")
            .trim();
  }

  boolean asksToConfigureTotp() {
    return page.contains("totpSecret") || page.contains("kc-totp-settings");
  }

  public boolean asksForOneTimeCode() {
    return page.contains("name=\"otp\"");
  }

  /** The authorization code, once Keycloak redirects back to the application. */
  public Optional<String> code() {
    return last.headers()
        .firstValue("Location")
        .filter(l -> l.startsWith(redirect))
        .map(l -> l.replaceAll(".*[?&]code=([^&]+).*", "$1"));
  }

  /** Exchanges the code (with the PKCE verifier and the client secret) for tokens. */
  public JsonNode tokens(String code) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(tokenRequest(code))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token exchange failed: " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private Map<String, String> tokenRequest(String code) throws Exception {
    var fields = new java.util.LinkedHashMap<String, String>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", redirect);
    fields.put("client_id", client);
    if (confidential) {
      fields.put("client_secret", secret("keycloak-client-webapp"));
    }
    fields.put("code_verifier", verifier);
    return fields;
  }

  public static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  public String secret(String name) throws Exception {
    return Files.readString(state.resolve("secrets").resolve(name)).trim();
  }

  /** A development user's password and TOTP secret, as `up` generated them. */
  public String[] devUser(String username) throws Exception {
    return Files.readAllLines(state.resolve("secrets/dev-users.tsv")).stream()
        .map(l -> l.split("\t", -1))
        .filter(f -> f[0].equals(username))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no development user " + username));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
