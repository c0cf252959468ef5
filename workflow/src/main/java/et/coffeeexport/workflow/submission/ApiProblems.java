package et.coffeeexport.workflow.submission;

import et.coffeeexport.connectors.documents.DocumentRejected;
import et.coffeeexport.connectors.documents.DocumentStoreUnavailable;
import et.coffeeexport.connectors.documents.DocumentTampered;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.LedgerUnavailable;
import et.coffeeexport.identity.wallet.SigningRefused;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the APIs as {@code application/problem+json}: bad input and business refusals as
 * 4xx (the chaincode's code in {@code code}), components away as 503 (retry with the same
 * Idempotency-Key).
 */
@RestControllerAdvice
class ApiProblems {

  @ExceptionHandler(BadRequest.class)
  ProblemDetail badRequest(BadRequest e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingRequestHeaderException.class})
  ProblemDetail unreadable(Exception e) {
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

  @ExceptionHandler(SigningRefused.class)
  ProblemDetail forbidden(SigningRefused e) {
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

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://coffee-export.et/problems/" + type));
    return p;
  }

  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
      super(message);
    }
  }

  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }
}
