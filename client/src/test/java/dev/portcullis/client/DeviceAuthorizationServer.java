package dev.portcullis.client;

import static dev.portcullis.client.LoopbackExchanges.sendJson;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small authorization server on loopback with an RFC 8628 device authorization endpoint and
 * a token endpoint for the device_code and refresh_token grants. It keeps one device
 * authorization at a time, reads time from the test's clock, and answers polls as section
 * 3.5 says: {@code slow_down} (and five seconds more interval) to a poll that comes sooner
 * than the interval after the one before, {@code authorization_pending} until the user
 * approves, {@code access_denied} once the user denied, {@code expired_token} after expiry.
 */
final class DeviceAuthorizationServer implements AutoCloseable {
  /** What the simulated user does at a poll. */
  enum User { WAITS, APPROVES, DENIES }

  private final HttpServer server;
  private final Clock clock;
  private final List<Map<String, List<String>>> deviceRequests = new CopyOnWriteArrayList<>();
  private final List<Map<String, List<String>>> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<Instant> polls = new CopyOnWriteArrayList<>();
  private volatile String deviceResponse;
  private volatile int interval = 5;
  private volatile long expiresIn = 600;
  private volatile long expiresAfter = -1;
  private volatile int approveAtPoll = 1;
  private volatile int denyAtPoll = Integer.MAX_VALUE;
  private volatile int slowDownAtPoll = Integer.MAX_VALUE;
  private volatile Instant expiresAt;
  private volatile Instant lastPoll;
  private volatile String approved;
  private int issued;

  DeviceAuthorizationServer(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/device", this::device);
    server.createContext("/token", this::token);
    server.createContext("/.well-known/openid-configuration", this::metadata);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI deviceUri() {
    return base().resolve("/device");
  }

  URI tokenUri() {
    return base().resolve("/token");
  }

  /** The interval and lifetime the device authorization response gives. */
  DeviceAuthorizationServer issuing(int intervalSeconds, long expiresInSeconds) {
    this.interval = intervalSeconds;
    this.expiresIn = expiresInSeconds;
    return this;
  }

  /** Expires the device code after {@code seconds}, whatever the response said. */
  DeviceAuthorizationServer expiringAfter(long seconds) {
    this.expiresAfter = seconds;
    return this;
  }

  /** The user approves at the {@code poll}-th poll (1-based). */
  DeviceAuthorizationServer approvesAtPoll(int poll) {
    this.approveAtPoll = poll;
    return this;
  }

  DeviceAuthorizationServer deniesAtPoll(int poll) {
    this.denyAtPoll = poll;
    this.approveAtPoll = Integer.MAX_VALUE;
    return this;
  }

  DeviceAuthorizationServer neverApproves() {
    this.approveAtPoll = Integer.MAX_VALUE;
    return this;
  }

  /** Answers the {@code poll}-th poll with slow_down as if it came too soon. */
  DeviceAuthorizationServer slowsDownAtPoll(int poll) {
    this.slowDownAtPoll = poll;
    return this;
  }

  /** Answers the device authorization request with {@code json} instead of a new code. */
  DeviceAuthorizationServer answeringDeviceRequestsWith(String json) {
    this.deviceResponse = json;
    return this;
  }

  List<Map<String, List<String>>> deviceRequests() {
    return new ArrayList<>(deviceRequests);
  }

  List<Map<String, List<String>>> tokenRequests() {
    return new ArrayList<>(tokenRequests);
  }

  /** When each device_code poll arrived, by the test's clock. */
  List<Instant> polls() {
    return new ArrayList<>(polls);
  }

  private synchronized void device(HttpExchange exchange) throws IOException {
    deviceRequests.add(CheckingTokenEndpoint.form(body(exchange)));
    if (deviceResponse != null) {
      sendJson(exchange, deviceResponse.startsWith("{\"error\"") ? 400 : 200, deviceResponse);
      return;
    }
    expiresAt = clock.instant().plusSeconds(expiresAfter >= 0 ? expiresAfter : expiresIn);
    lastPoll = clock.instant();
    sendJson(exchange, 200, "{\"device_code\":\"device-secret\",\"user_code\":\"WDJB-MJHT\","
        + "\"verification_uri\":\"" + base() + "/activate\",\"verification_uri_complete\":\""
        + base() + "/activate?user_code=WDJB-MJHT\",\"expires_in\":" + expiresIn
        + ",\"interval\":" + interval + "}");
  }

  private synchronized void token(HttpExchange exchange) throws IOException {
    Map<String, List<String>> form = CheckingTokenEndpoint.form(body(exchange));
    tokenRequests.add(form);
    String grant = form.get("grant_type").get(0);
    if (grant.equals("refresh_token")) {
      boolean current = form.get("refresh_token").get(0).equals(approved);
      sendJson(exchange, current ? 200 : 400, current ? tokens() : error("invalid_grant"));
      return;
    }
    if (!grant.equals("urn:ietf:params:oauth:grant-type:device_code")
        || !form.get("device_code").get(0).equals("device-secret")) {
      sendJson(exchange, 400, error("invalid_grant"));
      return;
    }
    Instant now = clock.instant();
    polls.add(now);
    int poll = polls.size();
    Instant previous = lastPoll;
    lastPoll = now;
    if (!now.isBefore(expiresAt)) {
      sendJson(exchange, 400, error("expired_token"));
    } else if (poll == slowDownAtPoll
        || Duration.between(previous, now).compareTo(Duration.ofSeconds(interval)) < 0) {
      interval += 5;
      sendJson(exchange, 400, error("slow_down"));
    } else if (poll >= denyAtPoll) {
      sendJson(exchange, 400, error("access_denied"));
    } else if (poll >= approveAtPoll) {
      sendJson(exchange, 200, tokens());
    } else {
      sendJson(exchange, 400, error("authorization_pending"));
    }
  }

  private String tokens() {
    issued++;
    approved = "refresh-" + issued;
    return "{\"access_token\":\"access-" + issued + "\",\"token_type\":\"Bearer\","
        + "\"expires_in\":300,\"refresh_token\":\"" + approved + "\",\"scope\":\"orders:read\"}";
  }

  private void metadata(HttpExchange exchange) throws IOException {
    body(exchange);
    sendJson(exchange, 200, "{\"issuer\":\"" + base() + "\",\"token_endpoint\":\"" + tokenUri()
        + "\",\"device_authorization_endpoint\":\"" + deviceUri() + "\"}");
  }

  private static String error(String code) {
    return "{\"error\":\"" + code + "\"}";
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
