package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.CapturedLog;
import dev.portcullis.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens, secrets, keys and verifiers never appear in toString() or exception messages. */
class SecretsStayOutOfTextTest {
  private static final String SECRET = "client-secret-9f8e7d6c5b4a39281706";

  private static void assertHidden(String text, String... secrets) {
    for (String secret : secrets) {
      assertFalse(text.contains(secret), "\"" + secret + "\" leaked in: " + text);
    }
    assertTrue(text.contains("redacted"), text);
  }

  @Test
  void accessTokenToStringHidesTheValue() {
    AccessToken token = AccessToken.of("eyJ.secret-token-value.sig", "Bearer",
        Instant.parse("2030-01-01T00:00:00Z"), Set.of("orders:read"));

    assertHidden(token.toString(), "secret-token-value");
    assertTrue(token.toString().contains("orders:read"));
  }

  @Test
  void settingsAndClientAuthenticationToStringHideTheSecret() {
    OAuthClientSettings settings = OAuthClientSettings.builder()
        .tokenEndpoint("https://as.example/token")
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretJwt(SECRET))
        .build();

    assertHidden(settings.toString(), SECRET);
    assertHidden(TokenClient.create(settings).toString(), SECRET);
    assertTrue(settings.toString().contains("client_secret_jwt"), settings.toString());
  }

  @Test
  void clientKeyToStringHidesTheKey() throws Exception {
    ClientKey key = ClientKey.fromFile(Keys.file("rsa-pkcs8.pem"), "k1");
    String encoded = java.util.Base64.getEncoder().encodeToString(key.privateKey().getEncoded());

    assertHidden(key.toString(), encoded.substring(40, 80));
    assertHidden(ClientAuthentication.privateKeyJwt(key).toString(), encoded.substring(40, 80));
    JwtBearerAssertion assertions = JwtBearerAssertion.signedBy(key, "billing", "alice", "https://as.example/token");
    String assertion = assertions.get();
    assertHidden(assertions.toString(), encoded.substring(40, 80), assertion);
  }

  @Test
  void pendingAuthorizationToStringHidesTheCodeVerifier() {
    PendingAuthorization pending = new PendingAuthorization(URI.create("https://as.example/a"),
        "state-1", "verifier-that-is-secret-0123456789-abcdefghijk");

    assertHidden(pending.toString(), "verifier-that-is-secret");
  }

  @Test
  void issuedTokensToStringHidesBothTokens() {
    IssuedTokens issued = new IssuedTokens(new AccessToken("access-value-1", "Bearer",
        Instant.EPOCH, Set.of()), "refresh-value-1", Duration.ofMinutes(5));

    assertHidden(issued.toString(), "access-value-1", "refresh-value-1");
  }

  @Test
  void exceptionMessagesFromTheTokenEndpointHoldNeitherSecretNorToken() throws Exception {
    try (CheckingTokenEndpoint endpoint = CheckingTokenEndpoint.start()) {
      endpoint.then(Reply.error(401, "invalid_client"),
          Reply.json(200, "{\"access_token\":\"issued-token-value\",\"token_type\":\"Magic\"}"));
      TokenClient client = TokenClient.create(OAuthClientSettings.builder()
          .tokenEndpoint(endpoint.tokenUri().toString())
          .clientId("billing")
          .authentication(ClientAuthentication.clientSecretPost(SECRET))
          .retry(1, Duration.ZERO)
          .build());

      String refused = assertThrows(TokenRequestException.class, client::token).getMessage();
      String malformed = assertThrows(TokenAcquisitionException.class, client::token)
          .getMessage();

      assertFalse(refused.contains(SECRET), refused);
      assertFalse(malformed.contains(SECRET) || malformed.contains("issued-token-value"),
          malformed);
    }
  }

  @SuppressWarnings("deprecation")
  @Test
  void grantsInSettingsToStringHideRefreshTokensAndPasswords() {
    for (Grant grant : List.of(Grant.refreshToken("refresh-secret-1"),
        Grant.password("alice", "password-secret-1"))) {
      OAuthClientSettings settings = OAuthClientSettings.builder()
          .tokenEndpoint("https://as.example/token").clientId("billing")
          .authentication(ClientAuthentication.clientSecretBasic(SECRET)).grant(grant).build();

      assertHidden(settings.toString(), "refresh-secret-1", "password-secret-1", SECRET);
    }
  }

  @Test
  void logRecordsOfAFullLifecycleHoldNoTokenOrSecret() throws Exception {
    List<String> logged;
    try (CapturedLog log = new CapturedLog("dev.portcullis.client");
        CheckingTokenEndpoint endpoint = CheckingTokenEndpoint.start()) {
      endpoint.then(Reply.json(503, "{}"),
          Reply.json(200, "{\"access_token\":\"access-secret-1\",\"token_type\":\"Bearer\","
              + "\"expires_in\":600,\"refresh_token\":\"refresh-secret-2\"}"),
          Reply.error(400, "invalid_grant"), Reply.token("access-secret-2", 600));
      MutableClock clock = new MutableClock();
      TokenClient client = TokenClient.create(OAuthClientSettings.builder()
          .tokenEndpoint(endpoint.tokenUri().toString())
          .clientId("billing")
          .authentication(ClientAuthentication.clientSecretPost(SECRET))
          .retry(2, Duration.ZERO)
          .clock(clock)
          .build());

      client.token();
      clock.advance(Duration.ofSeconds(600));
      client.token();
      logged = log.lines();
    }

    assertTrue(logged.size() >= 3, "retry, fallback and obtained tokens are logged: " + logged);
    for (String record : logged) {
      for (String secret : List.of(SECRET, "access-secret-1", "access-secret-2",
          "refresh-secret-2")) {
        assertFalse(record.contains(secret), "\"" + secret + "\" leaked in log: " + record);
      }
    }
  }
}
