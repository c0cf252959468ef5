package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.documents.DocumentRejected;
import et.coffeeexport.connectors.documents.DocumentStoreUnavailable;
import et.coffeeexport.connectors.documents.DocumentTampered;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.LedgerUnavailable;
import et.coffeeexport.identity.wallet.SigningRefused;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of the APIs as {@code application/problem+json}: bad input and business refusals as
 * 4xx (the chaincode's code in {@code code}), components away as 503 (retry with the same
 * Idempotency-Key). Spring MVC's own failures (405, 406, 415, a missing header, an unknown path)
 * come through {@link ResponseEntityExceptionHandler}. A detail never names a Java class: it is
 * written here or taken from a message that is the platform's own. Every feature's controllers
 * under {@code /api} raise its {@link BadRequest}, {@link Conflict} and {@link NotFound}.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TYPES = "https://coffee-export.et/problems/";

  @ExceptionHandler(BadRequest.class)
  ProblemDetail badRequest(BadRequest e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler(Conflict.class)
  ProblemDetail conflict(Conflict e) {
    return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler({SigningRefused.class, AccessDeniedException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(LedgerRefusal.class)
  ProblemDetail refused(LedgerRefusal e) {
    HttpStatus status =
        switch (e.code()) {
          case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN, NOT_AUTHORISED, OFFICER_NOT_ACTIVE, EXPORTER_NOT_ACTIVE ->
              HttpStatus.FORBIDDEN;
          case ALREADY_EXISTS, ILLEGAL_TRANSITION, PERMIT_ALREADY_USED -> HttpStatus.CONFLICT;
          default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    ProblemDetail p = problem(status, "ledger-refused", e.getMessage());
    p.setProperty("code", e.code().name());
    return p;
  }

  @ExceptionHandler(DocumentRejected.class)
  ProblemDetail documentRejected(DocumentRejected e) {
    return problem(HttpStatus.BAD_REQUEST, "document-rejected", e.getMessage());
  }

  @ExceptionHandler(DocumentTampered.class)
  ProblemDetail tampered(DocumentTampered e) {
    return problem(HttpStatus.CONFLICT, "document-tampered", e.getMessage());
  }

  @ExceptionHandler({LedgerUnavailable.class, DocumentStoreUnavailable.class})
  ProblemDetail unavailable(RuntimeException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
  }

  /** A multipart content type the server cannot split (no boundary, a broken part). */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail malformedMultipart(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the multipart body cannot be read");
  }

  /** What nobody foresaw: logged whole here, answered without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    BodyLimits.BodyTooLarge tooLarge = causeOf(e, BodyLimits.BodyTooLarge.class);
    if (tooLarge != null) {
      return tooLarge(tooLarge);
    }
    log.error("unexpected failure of an API request", e);
    return ResponseEntity.internalServerError()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "the request failed on the server; it is logged"));
  }

  /** The body cannot be read: too large, not JSON, or deeper or longer than JSON may be here. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest r) {
    BodyLimits.BodyTooLarge tooLarge = causeOf(e, BodyLimits.BodyTooLarge.class);
    if (tooLarge != null) {
      return tooLarge(tooLarge);
    }
    StreamConstraintsException constraint = causeOf(e, StreamConstraintsException.class);
    if (constraint != null) {
      // Jackson's wording names the limit and, after "from", the Java method that sets it.
      String broken = constraint.getOriginalMessage().replaceAll(", from `[^`]*`", "");
      HttpStatus refused =
          broken.startsWith("Document length")
              ? HttpStatus.PAYLOAD_TOO_LARGE
              : HttpStatus.BAD_REQUEST;
      return ResponseEntity.status(refused)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              problem(
                  refused,
                  refused == HttpStatus.BAD_REQUEST ? "invalid-request" : "too-large",
                  "the JSON body breaks a limit: " + broken));
    }
    JsonParseException syntax = causeOf(e, JsonParseException.class);
    String detail =
        syntax == null
            ? "the request body is missing or cannot be read"
            : syntax.getLocation() == null
                ? "the body is not well-formed JSON"
                : "the body is not well-formed JSON (line "
                    + syntax.getLocation().getLineNr()
                    + ", column "
                    + syntax.getLocation().getColumnNr()
                    + ")";
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.BAD_REQUEST, "invalid-request", detail));
  }

  /** An unknown path: the framework's wording speaks of static resources. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest r) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.NOT_FOUND, "not-found", "no endpoint at /" + e.getResourcePath()));
  }

  private static ResponseEntity<Object> tooLarge(BodyLimits.BodyTooLarge e) {
    ProblemDetail p = problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", e.getMessage());
    p.setProperty("limitBytes", e.limit);
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .header(HttpHeaders.CONNECTION, "close")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  /**
   * Writes the problem for a body refused before Spring MVC sees the request (a filter), in the
   * same shape as the advice's.
   */
  static void write(HttpServletResponse response, BodyLimits.BodyTooLarge e) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPES + "too-large");
    body.put("title", HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
    body.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
    body.put("detail", e.getMessage());
    body.put("limitBytes", e.limit);
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), body);
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPES + type));
    return p;
  }

  /** Answered {@code 400} as a problem. */
  public static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
      super(message);
    }
  }

  /** Answered {@code 409} as a problem. */
  public static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message);
    }
  }

  /** Answered {@code 404} as a problem. */
  public static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }
}
