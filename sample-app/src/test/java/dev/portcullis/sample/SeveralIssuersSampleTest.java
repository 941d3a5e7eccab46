package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.test.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sample pointed at two issuers with {@code PORTCULLIS_ISSUERS}, as a user would try it. */
class SeveralIssuersSampleTest {
  @RegisterExtension
  static final TestIssuer staff = TestIssuer.create(SampleApp.DEFAULT_AUDIENCE);

  @RegisterExtension
  static final TestIssuer partners = TestIssuer.create(SampleApp.DEFAULT_AUDIENCE);

  @RegisterExtension
  static final TestIssuer stranger = TestIssuer.create(SampleApp.DEFAULT_AUDIENCE);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static SampleApp app;

  @BeforeAll
  static void start() {
    app = SampleApp.start(Map.of("PORT", "0", "PORTCULLIS_ISSUERS", staff.issuer() + "," + partners.issuer()),
        new Properties());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static HttpResponse<String> listOrders(String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(app.baseUri().resolve("/api/orders"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void tokensOfEitherIssuerAreAcceptedAndNoEmbeddedServerStarts() throws Exception {
    assertEquals(200, listOrders(staff.token().scopes("orders:read").sign()).statusCode());
    assertEquals(200, listOrders(partners.token().scopes("orders:read").sign()).statusCode());
    assertEquals(null, app.devTokenEndpoint());
  }

  @Test
  void tokensOfAnyOtherIssuerAreInvalid() throws Exception {
    HttpResponse<String> answer = listOrders(stranger.token().scopes("orders:read").sign());

    assertEquals(401, answer.statusCode());
    assertTrue(answer.headers().firstValue("WWW-Authenticate").orElseThrow()
        .contains("The token was not issued by an issuer this API trusts."), answer::toString);
  }

  @Test
  void metadataNamesBothIssuers() throws Exception {
    HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(
        URI.create(app.baseUri() + "/.well-known/oauth-protected-resource")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertTrue(metadata.body().contains("\"authorization_servers\":[\"" + staff.issuer() + "\",\""
        + partners.issuer() + "\"]"), metadata.body());
  }
}
