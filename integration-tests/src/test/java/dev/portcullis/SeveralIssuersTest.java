package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.OrdersResource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An API that trusts two authorization servers, each with its own keys, over HTTP: the
 * token's iss chooses among them, never beyond them.
 */
class SeveralIssuersTest {
  private static final RSAKey STAFF_KEY = KeyServer.generate("staff-1");
  private static final RSAKey PARTNER_KEY = KeyServer.generate("partner-1");

  private static KeyServer staff;
  private static KeyServer partners;

  @BeforeAll
  static void startIssuers() throws Exception {
    staff = new KeyServer();
    staff.publish(STAFF_KEY);
    partners = new KeyServer();
    partners.publish(PARTNER_KEY);
  }

  @AfterAll
  static void stopIssuers() {
    staff.close();
    partners.close();
  }

  private static TestApp start(PortcullisConfig.Builder config) {
    return TestApp.start(config.resource(URI.create("https://api.example.com")).build(),
        OrdersResource.class, MeResource.class);
  }

  private static PortcullisConfig.Builder bothIssuers() {
    return PortcullisConfig.builder().audience(KeyServer.AUDIENCE).issuers(staff.issuer, partners.issuer);
  }

  @Test
  void eachIssuersTokensAreAcceptedAndThePrincipalSaysWhichIssuer() {
    try (TestApp app = start(bothIssuers())) {
      Answer fromStaff = app.bearer("/me", staff.tokenSignedBy(STAFF_KEY));
      Answer fromPartners = app.bearer("/me", partners.tokenSignedBy(PARTNER_KEY));

      assertEquals(200, fromStaff.status(), fromStaff::toString);
      assertTrue(fromStaff.body().contains("issuer=" + staff.issuer + "\n"), fromStaff.body());
      assertEquals(200, fromPartners.status(), fromPartners::toString);
      assertTrue(fromPartners.body().contains("issuer=" + partners.issuer + "\n"), fromPartners.body());
    }
  }

  @Test
  void aTokenFromAnyOtherIssuerIsInvalidEvenWithAValidSignatureOfItsOwn() throws Exception {
    try (KeyServer stranger = new KeyServer(); TestApp app = start(bothIssuers())) {
      Answer answer = app.bearer("/orders", stranger.token("orders:read"));

      assertEquals(401, answer.status(), answer::toString);
      assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
      assertTrue(answer.challenge().contains("The token was not issued by an issuer this API trusts."),
          answer::toString);
    }
  }

  @Test
  void aTokenNamingOneIssuerButSignedWithTheOthersKeyIsRefused() {
    try (TestApp app = start(bothIssuers())) {
      Answer answer = app.bearer("/orders", staff.tokenSignedBy(PARTNER_KEY));

      assertEquals(401, answer.status(), answer::toString);
      assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
    }
  }

  @Test
  void aTokenWithoutAUsableIssIsInvalid() {
    try (TestApp app = start(bothIssuers())) {
      for (Object iss : new Object[] {null, 42, List.of(staff.issuer)}) {
        Answer answer = app.bearer("/orders", staff.tokenSignedBy(STAFF_KEY, c -> c.claim("iss", iss)));

        assertEquals(401, answer.status(), () -> iss + ": " + answer);
        assertTrue(answer.challenge().contains(iss == null ? "lacks the iss claim" : "iss claim is malformed"),
            () -> iss + ": " + answer);
      }
    }
  }

  @Test
  void eachIssuerMayHaveItsOwnAudienceAndClaims() {
    PortcullisConfig.Builder config = PortcullisConfig.builder()
        .audience(KeyServer.AUDIENCE)
        .trustedIssuer(TrustedIssuer.builder(staff.issuer).scopeClaims("realm_access/roles").build())
        .trustedIssuer(TrustedIssuer.builder(partners.issuer).audience("partner-api").build());
    try (TestApp app = start(config)) {
      String staffRole = staff.tokenSignedBy(STAFF_KEY,
          c -> c.claim("scope", null).claim("realm_access", Map.of("roles", List.of("orders:read"))));
      assertEquals(200, app.bearer("/orders", staffRole).status());
      assertEquals(403, app.bearer("/orders", staff.tokenSignedBy(STAFF_KEY)).status(),
          "the staff issuer's scopes come from realm_access/roles only");

      String partnerForOrders = partners.tokenSignedBy(PARTNER_KEY);
      Answer wrongAudience = app.bearer("/orders", partnerForOrders);
      assertEquals(401, wrongAudience.status(), wrongAudience::toString);
      assertTrue(wrongAudience.challenge().contains("audience"), wrongAudience::toString);
    }
  }

  @Test
  void oneIssuersOutageLeavesTheOthersTokensAlone() throws Exception {
    KeyServer flaky = new KeyServer();
    String flakyToken = flaky.token("orders:read");
    PortcullisConfig.Builder config = PortcullisConfig.builder().audience(KeyServer.AUDIENCE)
        .issuers(staff.issuer, flaky.issuer);
    flaky.close();
    try (TestApp app = start(config)) {
      Answer unavailable = app.bearer("/orders", flakyToken);
      assertEquals(503, unavailable.status(), unavailable::toString);

      assertEquals(200, app.bearer("/orders", staff.tokenSignedBy(STAFF_KEY)).status());
    }
  }

  @Test
  void protectedResourceMetadataNamesEveryIssuer() {
    try (TestApp app = start(bothIssuers())) {
      Answer metadata = app.get("/.well-known/oauth-protected-resource");

      assertEquals(200, metadata.status(), metadata::toString);
      assertTrue(metadata.body().contains("\"authorization_servers\":[\"" + staff.issuer + "\",\"" + partners.issuer
          + "\"]"), metadata.body());
    }
  }
}
