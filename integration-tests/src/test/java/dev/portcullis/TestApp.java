package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A real server on an ephemeral loopback port, protected by Portcullis, on the Jakarta REST
 * implementation of the test module ({@link JaxRsServer#underTest()}).
 */
final class TestApp implements AutoCloseable {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JaxRsServer SERVER = JaxRsServer.underTest();

  private final JaxRsServer.Running server;
  private final URI base;

  private TestApp(JaxRsServer.Running server) {
    this.server = server;
    this.base = URI.create("http://127.0.0.1:" + server.port());
  }

  /** The base URI, without a trailing slash: {@code http://127.0.0.1:<port>}. */
  URI base() {
    return base;
  }

  /**
   * Starts the resource classes behind {@code new PortcullisFeature(config)}.
   *
   * @throws IllegalStateException when Portcullis refuses to start the application
   */
  static TestApp start(PortcullisConfig config, Class<?>... resources) {
    Object[] components = java.util.Arrays.copyOf(resources, resources.length + 1, Object[].class);
    components[resources.length] = new PortcullisFeature(config);
    return serve(new TestApplication(Map.of(), components));
  }

  /**
   * Starts {@code application} as it is, with or without Portcullis.
   *
   * @throws IllegalStateException when Portcullis refuses to start the application
   */
  static TestApp serve(TestApplication application) {
    return new TestApp(SERVER.start(application));
  }

  /** The Jakarta REST implementation the app runs on. */
  static JaxRsServer implementation() {
    return SERVER;
  }

  /** A GET with optional header pairs; asserts the answer is never a 500. */
  Answer get(String path, String... headers) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
  }

  Answer send(String method, String path, String body, String... headers) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .method(method, HttpRequest.BodyPublishers.ofString(body)), withDefaultType(headers));
  }

  private static String[] withDefaultType(String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Content-Type")) {
        return headers;
      }
    }
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = "text/plain";
    return all;
  }

  Answer bearer(String path, String token) {
    return get(path, "Authorization", "Bearer " + token);
  }

  /**
   * {@link #bearer}, asked again every 200 ms while the answer is 503, for up to {@code
   * patience}: until the app has its issuers' keys, which load in the background and which a
   * slow authorization server or a loaded machine can delay by seconds.
   */
  Answer bearerOnceKeysLoaded(String path, String token, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    Answer answer = bearer(path, token);
    while (answer.status() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = bearer(path, token);
    }
    return answer;
  }

  private static Answer send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
      assertNotEquals(500, answer.status(), () -> "A request was answered 500: " + answer);
      return answer;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw HTTP/1.1 text, for requests HttpClient will not send (duplicate headers). */
  String raw(String requestHead) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
