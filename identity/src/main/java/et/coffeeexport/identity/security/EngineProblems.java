package et.coffeeexport.identity.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Errors of the engine's HTTP surfaces as {@code application/problem+json}, like every API here.
 * The engine answers errors as {@code {"type":"NullValueException","message":…}}: the exception's
 * class is an internal detail, and a server error's message can be one too, so only the status, a
 * title and a cleaned message go out.
 */
final class EngineProblems {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Fully qualified Java class names (org.camunda.bpm.engine.…Exception) in an engine message.
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

  /**
   * Engine exceptions that answer 500 although the caller sent something wrong: a value missing or
   * naming nothing. The guard answers the commonest (unknown task, instance, paging) itself.
   */
  private static final Map<String, Integer> CLIENT_ERRORS =
      Map.of("NullValueException", 400, "QueryParamException", 400);

  private EngineProblems() {}

  static void write(HttpServletResponse response, int status, String detail) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    byte[] body = body(status, detail);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static byte[] body(int status, String detail) {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "about:blank");
    HttpStatus known = HttpStatus.resolve(status);
    problem.put("title", known != null ? known.getReasonPhrase() : "Error");
    problem.put("status", status);
    if (detail != null && !detail.isBlank()) {
      problem.put("detail", detail);
    }
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The problem for an engine error body (status and engine JSON as the engine answered). */
  static byte[] fromEngine(int[] status, byte[] engineBody) {
    String type = "";
    String message = "";
    try {
      JsonNode error = JSON.readTree(engineBody);
      if (error != null && error.isObject()) {
        type = error.path("type").asText("");
        message = error.path("message").asText("");
      }
    } catch (IOException e) {
      // Not the engine's JSON (an HTML error page, say): nothing of it goes out.
    }
    if (status[0] == 500 && CLIENT_ERRORS.containsKey(type)) {
      status[0] = CLIENT_ERRORS.get(type);
    }
    String detail;
    if (status[0] >= 500) {
      detail = "The request could not be processed.";
    } else if (type.equals("QueryParamException")) {
      detail = "A query parameter has a value of the wrong type.";
    } else {
      // "Cannot convert value to java type java.util.Date" keeps "Date"; an exception's name goes.
      detail =
          CLASS_NAME
              .matcher(message)
              .replaceAll(
                  m -> {
                    String name = m.group().substring(m.group().lastIndexOf('.') + 1);
                    return name.endsWith("Exception") || name.endsWith("Error") ? "an error" : name;
                  });
    }
    return body(status[0], detail);
  }

  /**
   * Lets the engine's successful answers through untouched and holds back its error answers (the
   * status is set before the body is written), to rewrite them as problems afterwards.
   */
  static final class Rewriting extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int status = 200;
    private boolean holding;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Rewriting(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      holding = sc >= 400;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) {
      setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) {
      setStatus(sc);
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setContentType(String type) {
      if (!holding) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int len) {
      if (!holding) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!holding) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(holding && isBodyHeader(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(holding && isBodyHeader(name))) {
        super.addHeader(name, value);
      }
    }

    private static boolean isBodyHeader(String name) {
      return name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Content-Type")
          || name.equalsIgnoreCase("Content-Encoding");
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                held.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                held.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding) {
        super.flushBuffer();
      }
    }

    /** Writes the held error as a problem; call once the chain returned. */
    void finish() throws IOException {
      if (!holding || isCommitted()) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      int[] answer = {status};
      byte[] problem = fromEngine(answer, held.toByteArray());
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setStatus(answer[0]);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setContentLength(problem.length);
      response.getOutputStream().write(problem);
    }
  }
}
