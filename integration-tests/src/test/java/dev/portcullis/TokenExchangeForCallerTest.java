package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.ClientKey;
import dev.portcullis.client.Grant;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.testapp.CallerClient;
import dev.portcullis.testapp.CallerResource;
import dev.portcullis.testapp.OnBehalfResource;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resource method of API A, protected by Portcullis, calls API B through a generated client
 * whose grant is {@link Grant#tokenExchangeForCaller()}: mock-oauth2-server exchanges the token
 * A verified for one B accepts, all over real HTTP.
 */
class TokenExchangeForCallerTest {
  private static final String API_A = "api-a";
  private static final String API_B = "api-b";
  @RegisterExtension
  static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
  private static TestApp apiA;
  private static TestApp apiB;

  @BeforeAll
  static void start() throws Exception {
    String issuer = authorizationServer.issuer();
    apiB = authorizationServer.start(authorizationServer.config().audience(API_B).build(), CallerResource.class);
    apiA = authorizationServer.start(authorizationServer.config().audience(API_A).build(), OnBehalfResource.class);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    OnBehalfResource.callWith(OAuthClients.builder(CallerClient.class)
        .baseUri(apiB.base())
        .settings(OAuthClientSettings.builder()
            .issuer(issuer)
            .clientId("api-a")
            .authentication(ClientAuthentication.privateKeyJwt(
                ClientKey.of(generator.generateKeyPair().getPrivate(), "a-1")))
            .grant(Grant.tokenExchangeForCaller())
            .audiences(API_B)
            .build())
        .build());
    apiA.bearerOnceKeysLoaded("/on-behalf", callerToken("warm-up"), Duration.ofSeconds(60));
    apiB.bearerOnceKeysLoaded("/caller", authorizationServer.server().issueToken("default", "warm-up", API_B)
        .serialize(), Duration.ofSeconds(60));
    tokenRequests();
  }

  private static String callerToken(String subject) {
    return authorizationServer.server().issueToken("default", "frontend", new DefaultOAuth2TokenCallback("default",
        subject, "JWT", List.of(API_A), Map.of("scope", "profile"), 3600)).serialize();
  }

  /** The token requests the authorization server received since the last call. */
  private static List<String> tokenRequests() {
    return TokenRequests.since(authorizationServer.server());
  }

  private static Map<String, String> fields(Answer answer) {
    assertEquals(200, answer.status(), answer::toString);
    Map<String, String> fields = new java.util.HashMap<>();
    for (String line : answer.body().split("\n")) {
      int equals = line.indexOf('=');
      fields.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return fields;
  }

  @Test
  void apiBSeesTheCallerInAnExchangedTokenForItself() throws Exception {
    String alice = callerToken("alice");

    Map<String, String> seen = fields(apiA.bearer("/on-behalf", alice));

    assertEquals("alice", seen.get("sub"));
    assertTrue(seen.get("aud").contains(API_B), seen::toString);
    assertNotEquals(alice, seen.get("token"), "A's caller token must not be forwarded as it is");
    List<String> requests = tokenRequests();
    assertEquals(1, requests.size(), requests::toString);
    assertTrue(requests.get(0).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange"),
        requests::toString);
    assertTrue(requests.get(0).contains("subject_token=" + alice), requests::toString);
  }

  @Test
  void oneExchangePerCallerAndNoneForACallerSeenBefore() throws Exception {
    String bob = callerToken("bob");
    String carol = callerToken("carol");
    tokenRequests();

    Map<String, String> bobFirst = fields(apiA.bearer("/on-behalf", bob));
    Map<String, String> carolFirst = fields(apiA.bearer("/on-behalf", carol));
    Map<String, String> bobAgain = fields(apiA.bearer("/on-behalf", bob));

    assertEquals("bob", bobFirst.get("sub"));
    assertEquals("carol", carolFirst.get("sub"));
    assertEquals("bob", bobAgain.get("sub"));
    assertNotEquals(bobFirst.get("token"), carolFirst.get("token"));
    assertEquals(bobFirst.get("token"), bobAgain.get("token"), "bob's exchanged token is cached");
    assertEquals(2, tokenRequests().size(), "one exchange for bob, one for carol");
  }

  @Test
  void aPublicMethodHasNoCallerEvenOnAThreadThatServedOne() throws Exception {
    Set<String> protectedThreads = new HashSet<>();
    boolean reused = false;
    // Until a public request runs on a thread that served a protected one before: at once on
    // one-thread servers, soon on pooled ones.
    for (int i = 0; i < 50 && !reused; i++) {
      protectedThreads.add(fields(apiA.bearer("/on-behalf", callerToken("dave"))).get("thread"));
      Answer refused = apiA.get("/on-behalf/public");
      assertEquals(200, refused.status(), refused::toString);
      assertTrue(refused.body().startsWith("refused TokenAcquisitionException: The token exchange for the"
          + " caller has no caller token: it must be called while serving a request to a method Portcullis"
          + " protects"), refused::toString);
      assertFalse(refused.body().contains("eyJ"), "no token in the message");
      reused = protectedThreads.contains(
          refused.body().substring(refused.body().indexOf("\nthread=") + "\nthread=".length()));
    }
    assertTrue(reused, "no public request ran on a thread that had served a protected one, so nothing was shown");
  }
}
