package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.OrdersResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scopes and roles read from the claims Keycloak, Entra ID and Auth0 put them in, and
 * validators of the application's own, over HTTP against a JWKS the tests control.
 */
class ClaimMappingTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private void start(PortcullisConfig.Builder config) {
    app = TestApp.start(config.resourceMetadata(false).build(), OrdersResource.class, MeResource.class);
  }

  /** A Keycloak-shaped token: scopes of the client, realm roles and client roles. */
  private String keycloakToken(String scope, List<String> realmRoles, List<String> clientRoles) {
    return keys.token(c -> c.claim("scope", scope)
        .claim("realm_access", Map.of("roles", realmRoles))
        .claim("resource_access", Map.of("orders-api", Map.of("roles", clientRoles))));
  }

  @Test
  void keycloakRealmRolesGrantWhatRequiresScopeChecks() {
    start(keys.config().scopeClaims("scope", "realm_access/roles"));

    String admin = keycloakToken("profile", List.of("orders:read", "orders:admin"), List.of());
    assertEquals(200, app.send("DELETE", "/orders/7", "", "Authorization", "Bearer " + admin).status());
    String reader = keycloakToken("profile", List.of("orders:read"), List.of("orders:admin"));
    Answer refused = app.send("DELETE", "/orders/7", "", "Authorization", "Bearer " + reader);
    assertEquals(403, refused.status(), refused::toString);
    assertEquals(200, app.bearer("/orders", reader).status());
  }

  @Test
  void keycloakClientRolesAnswerIsUserInRoleWhileScopesStayTheScopes() {
    start(keys.config().roleClaims("resource_access/orders-api/roles"));

    String token = keycloakToken("orders:read", List.of("orders:admin"), List.of("orders:admin"));
    String body = app.bearer("/me", token).body();

    assertTrue(body.contains("scopes=[orders:read]\n"), body);
    assertTrue(body.contains("roles=[orders:admin]\n"), body);
    assertTrue(body.contains("role.orders:admin=true\n"), body);
    assertTrue(body.contains("role.orders:read=false\n"), body);
  }

  @Test
  void entraScopesAndAppRolesTogether() {
    start(keys.config().scopeClaims("scp", "roles"));

    String delegated = keys.token(c -> c.claim("scope", null).claim("scp", "orders:read orders:write"));
    assertEquals(200, app.send("POST", "/orders", "tea", "Authorization", "Bearer " + delegated).status());
    String application = keys.token(c -> c.claim("scope", null).claim("roles", List.of("orders:read")));
    assertEquals(200, app.bearer("/orders", application).status());
    Answer refused = app.send("POST", "/orders", "tea", "Authorization", "Bearer " + application);
    assertEquals(403, refused.status(), refused::toString);
  }

  @Test
  void withTheDefaultsRolesAreTheScopes() {
    start(keys.config());

    String body = app.bearer("/me", keycloakToken("orders:read", List.of("orders:admin"), List.of())).body();

    assertTrue(body.contains("scopes=[orders:read]\n"), body);
    assertTrue(body.contains("roles=[orders:read]\n"), body);
  }

  @Test
  void aMappedClaimOfTheWrongTypeRejectsTheToken() {
    start(keys.config().scopeClaims("scope", "realm_access/roles"));

    for (Object malformed : List.<Object>of(Map.of("roles", 5), Map.of("roles", List.of("orders:read", 5)), "roles")) {
      String token = keys.token(c -> c.claim("realm_access", malformed));
      Answer answer = app.bearer("/orders", token);
      assertEquals(401, answer.status(), answer::toString);
      assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
      assertTrue(answer.challenge().contains("The token's realm_access/roles claim is malformed."), answer::toString);
    }
  }

  @Test
  void anAbsentMappedClaimGrantsNothing() {
    start(keys.config().scopeClaims("realm_access/roles"));

    Answer answer = app.bearer("/orders", keys.token("orders:read"));

    assertEquals(403, answer.status(), answer::toString);
  }

  @Test
  void aValidatorRefusalIsInvalidTokenWithItsReason() {
    AtomicInteger calls = new AtomicInteger();
    start(keys.config().validator(token -> {
      calls.incrementAndGet();
      return "acme".equals(token.claims().get("tenant")) ? Optional.empty()
          : Optional.of("The token belongs to another tenant.");
    }));

    String acme = keys.token(c -> c.claim("tenant", "acme"));
    assertEquals(200, app.bearer("/orders", acme).status());
    assertEquals(200, app.bearer("/orders", acme).status());
    assertEquals(1, calls.get(), "an accepted token is judged once, then answered from the cache");

    String globex = keys.token(c -> c.claim("tenant", "globex"));
    for (int i = 0; i < 2; i++) {
      Answer refused = app.bearer("/orders", globex);
      assertEquals(401, refused.status(), refused::toString);
      assertTrue(refused.challenge().contains("error=\"invalid_token\""), refused::toString);
      assertTrue(refused.challenge().contains("error_description=\"The token belongs to another tenant.\""),
          refused::toString);
    }
    assertEquals(3, calls.get(), "a refused token is not remembered");
  }

  @Test
  void aValidatorThatThrowsRefusesTheTokenAndLogsNoSecret() {
    String token = keys.token("orders:read");
    start(keys.config().validator(t -> {
      throw new IllegalStateException("cannot judge " + token);
    }));
    Answer[] answer = new Answer[1];

    List<String> logged = PortcullisLog.during(() -> answer[0] = app.bearer("/orders", token));

    assertEquals(401, answer[0].status(), answer[0]::toString);
    assertTrue(answer[0].challenge().contains("could not be checked by a rule of this API"), answer[0]::toString);
    assertTrue(logged.toString().contains("threw java.lang.IllegalStateException"), logged::toString);
    assertFalse(logged.toString().contains(token), logged::toString);
    assertFalse(answer[0].toString().contains(token));
  }

  @Test
  void validatorsRunOnlyAfterTheOwnChecksPassed() {
    AtomicInteger calls = new AtomicInteger();
    start(keys.config().validator(token -> {
      calls.incrementAndGet();
      return Optional.empty();
    }));

    assertEquals(401, app.bearer("/orders", keys.tokenSignedByOtherKey()).status());
    assertEquals(401, app.bearer("/orders", keys.token(c -> c.audience("billing-api"))).status());

    assertEquals(0, calls.get());
  }
}
