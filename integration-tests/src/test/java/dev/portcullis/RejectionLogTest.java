package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.portcullis.testapp.OrdersResource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why a request was refused, as the README's troubleshooting section promises: one DEBUG (FINE)
 * record under the logger {@code dev.portcullis} per refusal, naming the status, the request and
 * the reason, never the token.
 */
class RejectionLogTest {
  private static KeyServer keys;
  private static TestApp app;

  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger("dev.portcullis");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previous;

  @BeforeAll
  static void start() throws Exception {
    keys = new KeyServer();
    app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE).build(),
        OrdersResource.class);
  }

  @AfterAll
  static void stop() {
    app.close();
    keys.close();
  }

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.FINE);
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
    logger.setLevel(previous);
  }

  /** The records of the logger {@code dev.portcullis} itself, as {@code LEVEL: message}. */
  private List<String> refusals() {
    return logged.stream().filter(r -> r.getLoggerName().equals("dev.portcullis"))
        .map(r -> r.getLevel() + ": " + new SimpleFormatter().formatMessage(r)).toList();
  }

  @Test
  void anExpiredTokenIsLoggedWithTheReasonAndWithoutTheToken() {
    String token = keys.token(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));
    assertEquals(401, app.bearer("/orders", token).status());
    assertEquals(List.of("FINE: Portcullis answered 401 to GET /orders: The token has expired."), refusals());
    logged.forEach(r -> assertFalse(new SimpleFormatter().formatMessage(r).contains(token.split("\\.")[2])));
  }

  @Test
  void aTokenForAnotherAudienceIsLoggedWithTheReason() {
    String token = keys.token(claims -> claims.audience("another-api"));
    assertEquals(401, app.bearer("/orders", token).status());
    assertEquals(List.of("FINE: Portcullis answered 401 to GET /orders: The token was not issued for this API"
        + " (audience mismatch)."), refusals());
  }

  @Test
  void aMissingTokenIsLogged() {
    assertEquals(401, app.get("/orders/7").status());
    assertEquals(List.of("FINE: Portcullis answered 401 to GET /orders/7: the request has no bearer token (no"
        + " Authorization: Bearer header)"), refusals());
  }

  @Test
  void aMissingScopeIsLoggedWithWhatTheEndpointRequiresAndWhatTheTokenGrants() {
    assertEquals(403, app.send("POST", "/orders", "tea", "Authorization", "Bearer " + keys.token("orders:read"))
        .status());
    assertEquals(List.of("FINE: Portcullis answered 403 to POST /orders: the endpoint requires"
        + " @RequiresScope(\"orders:write\"); the token of client shop-frontend grants [orders:read]"), refusals());
  }

  @Test
  void theRequestPathIsLoggedAsSentSoThatItCannotForgeLogLines() {
    assertEquals(401, app.get("/orders/a%0AINFO:%20forged").status());
    assertEquals(List.of("FINE: Portcullis answered 401 to GET /orders/a%0AINFO:%20forged: the request has no"
        + " bearer token (no Authorization: Bearer header)"), refusals());
  }
}
