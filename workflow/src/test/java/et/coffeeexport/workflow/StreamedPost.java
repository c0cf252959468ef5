package et.coffeeexport.workflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A POST of a large generated body, in HTTP/1.1 written by hand: the server's answer is read while
 * the body would still be on its way, and the bytes actually sent are counted. (The JDK's client
 * does not reliably return an early final answer to {@code Expect: 100-continue}.)
 */
public final class StreamedPost {
  private static final byte[] CHUNK = new byte[64 * 1024];

  /**
   * What the server answered (status -1: it closed the connection before an answer could be read),
   * and how much of the body had been sent by then.
   */
  public record Answer(int status, String contentType, String body, long bytesSent) {}

  private StreamedPost() {}

  /**
   * With {@code declared}, announces {@code length} in Content-Length and waits, as {@code Expect:
   * 100-continue} asks, for the server's go-ahead before sending (a server that answers at once
   * gets nothing of the body); otherwise sends it chunked, without a length, until the server
   * answers or stops reading.
   */
  public static Answer send(URI uri, Map<String, String> headers, long length, boolean declared)
      throws IOException {
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append(
          declared
              ? "Content-Length: " + length + "\r\nExpect: 100-continue\r\n"
              : "Transfer-Encoding: chunked\r\n");
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      AtomicLong sent = new AtomicLong();
      Thread writer = null;
      if (!declared) {
        writer = new Thread(() -> sendChunked(out, length, sent), "streamed-post");
        writer.setDaemon(true);
        writer.start();
      }
      try {
        return read(socket.getInputStream(), sent);
      } catch (IOException reset) {
        if (declared) {
          throw reset;
        }
        // A server that refuses a body while it is still coming may reset the connection before
        // its answer is read: status -1, and how much had been sent when it did.
        return new Answer(-1, "", String.valueOf(reset.getMessage()), sent.get());
      } finally {
        if (writer != null) {
          writer.interrupt();
        }
      }
    }
  }

  private static void sendChunked(OutputStream out, long length, AtomicLong sent) {
    try {
      long left = length;
      while (left > 0 && !Thread.currentThread().isInterrupted()) {
        int size = (int) Math.min(CHUNK.length, left);
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(CHUNK, 0, size);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        left -= size;
        sent.addAndGet(size);
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException closedByTheServer) {
      // the server stopped reading: what the test wants to see
    }
  }

  private static Answer read(InputStream in, AtomicLong sent) throws IOException {
    String status = line(in);
    int code = Integer.parseInt(status.split(" ")[1]);
    String contentType = "";
    int contentLength = -1;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(header.indexOf(':') + 1).trim();
      if (name.equals("content-type")) {
        contentType = value;
      } else if (name.equals("content-length")) {
        contentLength = Integer.parseInt(value);
      }
    }
    if (code == 100) {
      return new Answer(code, "", "", sent.get());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((contentLength < 0 || body.size() < contentLength) && (n = in.read(buffer)) > 0) {
      body.write(buffer, 0, n);
    }
    return new Answer(code, contentType, body.toString(StandardCharsets.UTF_8), sent.get());
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
