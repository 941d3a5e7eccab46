package dev.portcullis.sample.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection on a plain loopback socket, for what an HTTP client library hides:
 * which connection a request uses, what the server does with odd or slow requests, and when
 * it closes the connection.
 */
public final class RawConnection implements AutoCloseable {

  /** A response as read from the wire; header names in lower case. */
  public record Response(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream());
  }

  /** Connects to 127.0.0.1:{@code port}; every read waits at most 10 seconds. */
  public static RawConnection open(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    return new RawConnection(socket);
  }

  /** Sends {@code text} as ISO-8859-1 bytes. */
  public void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads one response: status line, headers and a Content-Length or chunked body. */
  public Response read() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    StringBuilder body = new StringBuilder();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
        body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        line();
      }
      line();
    } else if (headers.containsKey("content-length")) {
      body.append(new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8));
    }
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body.toString());
  }

  /**
   * Whether a response starts arriving within {@code wait}, without consuming it; false when
   * nothing arrived. A connection the server closed counts as arriving (the next read says so).
   */
  public boolean answersWithin(Duration wait) throws IOException {
    socket.setSoTimeout(Math.toIntExact(Math.max(1, wait.toMillis())));
    try {
      in.mark(1);
      in.read();
      in.reset();
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  /** Whether the server has closed the connection: the next read ends the stream or is reset. */
  public boolean isClosedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketException e) {
      return true;
    }
  }

  /** Reads and drops {@code count} bytes. */
  public void skip(int count) throws IOException {
    in.readNBytes(count);
  }

  /** Closes with a reset (SO_LINGER 0), as a client that crashes or gives up does. */
  public void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("The server closed the connection after: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
