package et.coffeeexport.workflow.submission;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size of a request body to the APIs, enforced while it is read and before anything buffers it:
 * a declared Content-Length over the limit is answered 413 without reading a byte (a client that
 * sent {@code Expect: 100-continue} never sends the body), and a body of undeclared length
 * (chunked) is counted as it streams and stops at the limit. Runs before the security chain and
 * Spring's form filter, which would otherwise read a form body whole.
 */
final class BodyLimits extends OncePerRequestFilter {
  /** The one endpoint that takes a document; every other body is a small JSON object. */
  private static final Pattern DOCUMENT_UPLOAD =
      Pattern.compile("/api/exports/[^/]+/documents/[^/]+");

  private final long maxJsonBytes;
  private final long maxDocumentBytes;

  BodyLimits(long maxJsonBytes, long maxDocumentBytes) {
    this.maxJsonBytes = maxJsonBytes;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** The largest body {@code request} may carry. */
  long limitOf(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
            && DOCUMENT_UPLOAD.matcher(request.getRequestURI()).matches()
        ? maxDocumentBytes
        : maxJsonBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitOf(request);
    if (request.getContentLengthLong() > limit) {
      // Nothing of the body is read: closing the connection spares Tomcat swallowing it.
      response.setHeader(HttpHeaders.CONNECTION, "close");
      ApiProblems.write(response, new BodyTooLarge(limit));
      return;
    }
    chain.doFilter(new Counted(request, limit), response);
  }

  /** A body past its limit: answered 413 by {@link ApiProblems}. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    BodyTooLarge(long limit) {
      super("the request body is larger than the " + limit + " bytes this endpoint accepts");
      this.limit = limit;
    }
  }

  /** The request, its body counted as the application reads it. */
  private static final class Counted extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream counted;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountingStream(super.getInputStream(), limit);
      }
      return counted;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      java.nio.charset.Charset charset;
      try {
        charset =
            encoding == null
                ? java.nio.charset.StandardCharsets.UTF_8
                : java.nio.charset.Charset.forName(encoding);
      } catch (IllegalArgumentException unknown) {
        // As the container answers an unknown charset: a checked failure, not a crash.
        throw new java.io.UnsupportedEncodingException(encoding);
      }
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
    }
  }

  /** Fails the read that would take the body past {@code limit}. */
  static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
