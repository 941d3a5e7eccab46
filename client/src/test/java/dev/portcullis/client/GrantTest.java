package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grant records: what they accept, and what their text never shows. */
class GrantTest {

  @Test
  @SuppressWarnings("deprecation")
  void textNamesTheGrantTypeAndNeverItsSecrets() {
    List<Grant> grants = List.of(
        Grant.clientCredentials(),
        Grant.refreshToken("refresh-secret-1"),
        Grant.authorizationCode(URI.create("http://127.0.0.1:8080/callback")),
        Grant.tokenExchange(() -> "subject-secret-1", Grant.ACCESS_TOKEN_TYPE),
        Grant.jwtBearer(() -> "assertion-secret-1"),
        Grant.password("alice", "password-secret-1"));

    assertEquals(List.of("Grant[client_credentials]", "Grant[refresh_token]", "Grant[authorization_code]",
        "Grant[token_exchange]", "Grant[jwt_bearer]", "Grant[password]"),
        grants.stream().map(Grant::toString).toList());
    assertFalse(grants.toString().contains("secret"), grants.toString());
  }

  @Test
  void recordsCarryWhatTheyWereMadeWith() {
    Grant.AuthorizationCode code = assertInstanceOf(Grant.AuthorizationCode.class,
        Grant.authorizationCode(URI.create("https://app.example.com/cb")));
    assertEquals(URI.create("https://app.example.com/cb"), code.redirectUri());
    assertEquals("r1", ((Grant.RefreshToken) Grant.refreshToken("r1")).refreshToken());
    assertEquals(Grant.clientCredentials(), new Grant.ClientCredentials());
  }

  @Test
  void emptyRefreshTokenIsAConfigurationError() {
    ClientConfigurationException e =
        assertThrows(ClientConfigurationException.class, () -> Grant.refreshToken(" "));
    assertEquals("The refresh token is empty. Provide the refresh token the authorization server issued.",
        e.getMessage());
    assertThrows(ClientConfigurationException.class, () -> new Grant.RefreshToken(null));
  }

  @Test
  void tokenExchangeNeedsBothHalvesOfAnActorAndUriTypes() {
    ClientConfigurationException half = assertThrows(ClientConfigurationException.class,
        () -> Grant.tokenExchange(() -> "s", Grant.ACCESS_TOKEN_TYPE, () -> "a", null));
    assertTrue(half.getMessage().contains("needs both the token and its type"), half.getMessage());

    ClientConfigurationException type = assertThrows(ClientConfigurationException.class,
        () -> Grant.tokenExchange(() -> "s", "not a uri"));
    assertEquals("The token type \"not a uri\" is not a URI. Use an RFC 8693 token type such as "
        + Grant.ACCESS_TOKEN_TYPE + ".", type.getMessage());

    Grant.TokenExchange exchange = (Grant.TokenExchange) Grant.tokenExchange(() -> "s", Grant.JWT_TYPE);
    assertEquals(Grant.JWT_TYPE, exchange.subjectTokenType());
    assertNull(exchange.actorToken());
  }
}
