package dev.portcullis.sample.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.Public;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server the sample runs on, over real sockets: how it treats slow, oversized, excess and
 * vanishing clients. Headers here must be complete within one second; the idle timeout stays
 * at 30 seconds, so a closed connection proves the header deadline, not the idle timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerTest {

  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
  private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  private static ApiServer server;
  private static volatile CountDownLatch entered = new CountDownLatch(0);
  private static volatile CountDownLatch release = new CountDownLatch(0);
  private static volatile CountDownLatch streamsFinished = new CountDownLatch(0);

  /** Test endpoints; public, and served without Portcullis (nothing here is about tokens). */
  @Path("/")
  @Public
  public static final class Endpoints {
    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return "hello";
    }

    /** 128 MiB, far more than socket buffers hold, so a client that leaves stops it mid-way. */
    @GET
    @Path("stream")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public StreamingOutput stream() {
      return out -> {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 2048; i++) {
          out.write(chunk);
        }
      };
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(String body) {
      return body;
    }

    @GET
    @Path("wait")
    @Produces(MediaType.TEXT_PLAIN)
    public String waitForRelease() throws InterruptedException {
      entered.countDown();
      assertTrue(release.await(30, TimeUnit.SECONDS));
      return "released";
    }
  }

  /** Counts finished requests to /stream, after Jersey has written (or failed to write) them. */
  public static final class StreamEnds implements ApplicationEventListener {
    @Override
    public void onEvent(ApplicationEvent event) {}

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
      return event -> {
        if (event.getType() == RequestEvent.Type.FINISHED
            && event.getUriInfo().getPath().equals("stream")) {
          streamsFinished.countDown();
        }
      };
    }
  }

  static ApiServer start(ApiServer.Limits limits) {
    ResourceConfig app = new ResourceConfig(Endpoints.class, StreamEnds.class)
        .property("portcullis.require-feature", false)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return ApiServer.start(URI.create("http://127.0.0.1:0/"), app, limits);
  }

  @BeforeAll
  static void startServer() {
    server = start(new ApiServer.Limits(4, 100, HEADER_TIMEOUT, Duration.ofSeconds(30), 100, 16 * 1024));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void headersThatTrickleInPastTheDeadlineAreAnswered408AndTheConnectionClosed() throws Exception {
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      // A header line every 100 ms for up to 5 s: each byte resets Grizzly's idle timeout.
      boolean answered = false;
      for (int i = 0; i < 50 && !answered; i++) {
        connection.send("X-Slow-" + i + ": 1\r\n");
        answered = connection.answersWithin(Duration.ofMillis(100));
      }
      assertTrue(answered, "The server was still waiting for headers after 5 seconds.");
      assertEquals(408, connection.read().status());
      assertTrue(connection.isClosedByServer());
    }
  }

  @Test
  void aConnectionThatStopsInTheMiddleOfItsHeadersIsAnswered408() throws Exception {
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Partial: ");
      assertTrue(connection.answersWithin(Duration.ofSeconds(5)), "No answer within 5 seconds.");
      RawConnection.Response response = connection.read();
      assertEquals(408, response.status());
      assertEquals("close", response.headers().get("connection"));
      assertTrue(connection.isClosedByServer());
    }
  }

  @Test
  void everyRequestOnAConnectionHasTheDeadlineAndIdleTimeBetweenRequestsDoesNotCount() throws Exception {
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send("GET /hello HTTP/1.1\r\n");
      Thread.sleep(300);
      connection.send("Host: 127.0.0.1\r\n");
      Thread.sleep(300);
      connection.send("\r\n");
      assertEquals("hello", connection.read().body());

      Thread.sleep(HEADER_TIMEOUT.toMillis() + 500);
      connection.send(HELLO);
      assertEquals("hello", connection.read().body());

      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      assertTrue(connection.answersWithin(Duration.ofSeconds(5)), "No answer within 5 seconds.");
      assertEquals(408, connection.read().status());
    }
  }

  @Test
  void anUpgradeToH2cIsIgnoredAndTheBodyReadByItsLength() throws Exception {
    try (RawConnection connection = RawConnection.open(server.port())) {
      for (int i = 0; i < 2; i++) {
        connection.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
        RawConnection.Response response = connection.read();
        assertEquals(200, response.status());
        assertEquals("hello", response.body());
      }
    }
  }

  @Test
  void moreHeaderFieldsThanTheLimitAreAnswered431() throws Exception {
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Many: 1\r\n".repeat(250) + "\r\n");
      assertEquals(431, connection.read().status());
    }
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Many: 1\r\n".repeat(98) + "\r\n");
      assertEquals(200, connection.read().status());
    }
  }

  @Test
  void moreHeaderBytesThanTheLimitAreAnswered431() throws Exception {
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Large: " + "a".repeat(20_000) + "\r\n\r\n");
      assertEquals(431, connection.read().status());
    }
    try (RawConnection connection = RawConnection.open(server.port())) {
      // A bearer token of Portcullis's largest accepted size fits.
      connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + "a".repeat(8192)
          + "\r\n\r\n");
      assertEquals(200, connection.read().status());
    }
  }

  @Test
  void aClientThatLeavesMidResponseLeavesNoStackTraceInTheLog() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      streamsFinished = new CountDownLatch(2);
      try (RawConnection connection = RawConnection.open(server.port())) {
        connection.send("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        connection.skip(256 * 1024);
        connection.reset();
      }
      try (RawConnection connection = RawConnection.open(server.port())) {
        connection.send("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        connection.skip(256 * 1024);
      }
      assertTrue(streamsFinished.await(30, TimeUnit.SECONDS), "The server did not finish both responses.");
    } finally {
      root.removeHandler(capture);
    }
    for (LogRecord record : logged) {
      assertFalse(record.getThrown() != null && record.getLevel().intValue() >= Level.INFO.intValue(),
          () -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage() + " with " + record.getThrown());
    }
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.send(HELLO);
      assertEquals("hello", connection.read().body());
    }
  }

  @Test
  void requestsBeyondTheAdmissionLimitAreAnswered503AtOnce() throws Exception {
    try (ApiServer limited = start(new ApiServer.Limits(2, 2, HEADER_TIMEOUT, Duration.ofSeconds(30), 100, 16 * 1024));
         RawConnection first = RawConnection.open(limited.port());
         RawConnection second = RawConnection.open(limited.port());
         RawConnection third = RawConnection.open(limited.port())) {
      entered = new CountDownLatch(2);
      release = new CountDownLatch(1);
      first.send("GET /wait HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      second.send("GET /wait HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertTrue(entered.await(10, TimeUnit.SECONDS));

      third.send("GET /wait HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      RawConnection.Response refused = third.read();
      assertEquals(503, refused.status());
      assertEquals("1", refused.headers().get("retry-after"));

      release.countDown();
      assertEquals("released", first.read().body());
      assertEquals("released", second.read().body());
      try (RawConnection after = RawConnection.open(limited.port())) {
        after.send(HELLO);
        assertEquals("hello", after.read().body());
      }
    } finally {
      release.countDown();
    }
  }
}
