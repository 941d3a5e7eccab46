package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device authorization grant (RFC 8628) against a device authorization endpoint on
 * loopback: the codes to show, polling at the server's interval, every end of the wait.
 * Waits advance the test's clock instead of sleeping.
 */
class DeviceAuthorizationTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final DeviceAuthorizationFlow.Sleeper sleeper = duration -> {
    waits.add(duration);
    clock.advance(duration);
  };
  private DeviceAuthorizationServer server;

  @BeforeEach
  void start() throws Exception {
    server = new DeviceAuthorizationServer(clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TokenClient client(UnaryOperator<OAuthClientSettings.Builder> customize) {
    return TokenClient.create(customize.apply(OAuthClientSettings.builder()
        .tokenEndpoint(server.tokenUri().toString())
        .deviceAuthorizationEndpoint(server.deviceUri().toString())
        .clientId("cli")
        .authentication(ClientAuthentication.none())
        .grant(Grant.deviceCode())
        .scopes("orders:read")
        .retry(1, Duration.ZERO)
        .clock(clock)).build(), sleeper);
  }

  private TokenClient client() {
    return client(b -> b);
  }

  private static String param(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null ? null : values.get(0);
  }

  private List<Duration> gapsBetweenPolls() {
    List<Instant> polls = server.polls();
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < polls.size(); i++) {
      gaps.add(Duration.between(polls.get(i - 1), polls.get(i)));
    }
    return gaps;
  }

  @Test
  void startGivesTheUserCodeAndWhereToEnterIt() {
    DeviceAuthorization device = client().startDeviceAuthorization();

    assertEquals("WDJB-MJHT", device.userCode());
    assertEquals(server.base().resolve("/activate"), device.verificationUri());
    assertEquals(Optional.of(URI.create(server.base() + "/activate?user_code=WDJB-MJHT")),
        device.verificationUriComplete());
    assertEquals(clock.instant().plusSeconds(600), device.expiresAt());
    assertEquals(Duration.ofSeconds(5), device.interval());
    Map<String, List<String>> request = server.deviceRequests().get(0);
    assertEquals("cli", param(request, "client_id"));
    assertEquals("orders:read", param(request, "scope"));
    assertFalse(device.toString().contains("device-secret"), device.toString());
    assertFalse(device.toString().contains("WDJB-MJHT"), device.toString());
  }

  @Test
  void approvedAtTheFirstPollAfterOneInterval() {
    TokenClient client = client();
    DeviceAuthorization device = client.startDeviceAuthorization();

    AccessToken token = client.completeDeviceAuthorization(device);

    assertEquals("access-1", token.value());
    assertEquals(List.of(Duration.ofSeconds(5)), waits);
    Map<String, List<String>> poll = server.tokenRequests().get(0);
    assertEquals("urn:ietf:params:oauth:grant-type:device_code", param(poll, "grant_type"));
    assertEquals("device-secret", param(poll, "device_code"));
    assertEquals("cli", param(poll, "client_id"));
    assertEquals("access-1", client.token().value(), "the tokens are cached");
  }

  @Test
  void pendingPollsWaitTheIntervalUntilTheUserApproves() {
    server.approvesAtPoll(3);
    TokenClient client = client();

    AccessToken token = client.completeDeviceAuthorization(client.startDeviceAuthorization());

    assertEquals("access-1", token.value());
    assertEquals(3, server.polls().size());
    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), gapsBetweenPolls());
  }

  @Test
  void slowDownAddsFiveSecondsToEveryLaterWait() {
    server.slowsDownAtPoll(2).approvesAtPoll(4);
    TokenClient client = client();

    client.completeDeviceAuthorization(client.startDeviceAuthorization());

    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(10)), waits);
    assertEquals(4, server.polls().size(), "no further slow_down: the wider interval held");
  }

  @Test
  void deniedByTheUser() {
    server.deniesAtPoll(2);
    TokenClient client = client();
    DeviceAuthorization device = client.startDeviceAuthorization();

    TokenRequestException e = assertThrows(TokenRequestException.class,
        () -> client.completeDeviceAuthorization(device));

    assertEquals("access_denied", e.error());
    assertTrue(e.getMessage().contains("The user denied the authorization."), e.getMessage());
    assertThrows(TokenAcquisitionException.class, client::token);
  }

  @Test
  void expiredAtTheServer() {
    server.issuing(5, 600).expiringAfter(7).neverApproves();
    TokenClient client = client();
    DeviceAuthorization device = client.startDeviceAuthorization();

    TokenRequestException e = assertThrows(TokenRequestException.class,
        () -> client.completeDeviceAuthorization(device));

    assertEquals("expired_token", e.error());
    assertTrue(e.getMessage().contains("Start a new device authorization"), e.getMessage());
    assertEquals(2, server.polls().size());
  }

  @Test
  void stopsPollingWhenTheCodeExpiresHereWhileStillPending() {
    server.issuing(5, 20).neverApproves();
    TokenClient client = client();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client.completeDeviceAuthorization(client.startDeviceAuthorization()));

    assertTrue(e.getMessage().contains("did not approve"), e.getMessage());
    assertEquals(3, server.polls().size());
  }

  @Test
  void anInterruptedWaitEndsWithTheInterruptStatusSet() {
    TokenClient client = TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(server.tokenUri().toString())
        .deviceAuthorizationEndpoint(server.deviceUri().toString())
        .clientId("cli").authentication(ClientAuthentication.none())
        .grant(Grant.deviceCode()).clock(clock).build(), duration -> {
          throw new InterruptedException();
        });
    DeviceAuthorization device = client.startDeviceAuthorization();

    try {
      TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
          () -> client.completeDeviceAuthorization(device));
      assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(0, server.polls().size());
  }

  @Test
  void tokensAreThenRenewedWithTheRefreshToken() {
    TokenClient client = client();
    client.completeDeviceAuthorization(client.startDeviceAuthorization());
    clock.advance(Duration.ofSeconds(300));

    assertEquals("access-2", client.token().value());
    Map<String, List<String>> refresh = server.tokenRequests().get(1);
    assertEquals("refresh_token", param(refresh, "grant_type"));
    assertEquals("refresh-1", param(refresh, "refresh_token"));
  }

  @Test
  void theDeviceAuthorizationEndpointIsDiscoveredFromTheIssuer() {
    TokenClient client = TokenClient.create(OAuthClientSettings.builder()
        .issuer(server.base().toString())
        .clientId("cli").authentication(ClientAuthentication.none())
        .grant(Grant.deviceCode()).clock(clock).build(), sleeper);

    assertEquals("access-1",
        client.completeDeviceAuthorization(client.startDeviceAuthorization()).value());
  }

  @Test
  void aResponseWithoutAUserCodeIsNotADeviceAuthorization() {
    server.answeringDeviceRequestsWith("{\"device_code\":\"d\",\"verification_uri\":"
        + "\"https://as.example/activate\",\"expires_in\":600}");

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        client()::startDeviceAuthorization);

    assertTrue(e.getMessage().contains("not a device authorization response"), e.getMessage());
  }

  @Test
  void aRefusedDeviceAuthorizationRequestSaysWhy() {
    server.answeringDeviceRequestsWith("{\"error\":\"unauthorized_client\"}");

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        client()::startDeviceAuthorization);

    assertTrue(e.getMessage().contains("\"unauthorized_client\""), e.getMessage());
    assertTrue(e.getMessage().contains("device authorization grant"), e.getMessage());
  }

  @Test
  void anIntervalMissingFromTheResponseIsFiveSeconds() {
    server.answeringDeviceRequestsWith("{\"device_code\":\"d\",\"user_code\":\"U\","
        + "\"verification_uri\":\"https://as.example/activate\",\"expires_in\":600}");

    assertEquals(Duration.ofSeconds(5), client().startDeviceAuthorization().interval());
  }

  @Test
  void onlyForTheDeviceCodeGrant() {
    TokenClient client = client(b -> b.grant(Grant.authorizationCode(
        URI.create("http://127.0.0.1:9/callback"))).authorizationEndpoint("https://as.example/a"));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        client::startDeviceAuthorization);

    assertTrue(e.getMessage().contains("Grant.deviceCode()"), e.getMessage());
  }

  @Test
  void withoutADeviceAuthorizationEndpointTheSettingsAreRefused() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> OAuthClientSettings.builder().tokenEndpoint(server.tokenUri().toString())
            .clientId("cli").grant(Grant.deviceCode()).build());

    assertTrue(e.getMessage().contains("deviceAuthorizationEndpoint(...)"), e.getMessage());
  }
}
