package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenSource;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How OAuthClients finds the stubs the processor generated for this test source set, and checks
 * what it is given. (The runtime module's own tests cover an interface with no stub.)
 */
class OAuthClientsTest {
  /** A fixed token, as a lambda: a source that caches nothing has nothing to invalidate. */
  private static final AccessToken TOKEN =
      AccessToken.of("t", "Bearer", Instant.now().plusSeconds(60), Set.of());
  private static final TokenSource TOKENS = () -> TOKEN;

  /** The processor generates {@code OAuthClientsTest_Stubbed_OAuthStub} for it. */
  @OAuthClient(name = "stubbed")
  interface Stubbed {}

  interface NotAClient {}

  @Test
  void findsTheStubOfANestedInterfaceByItsGeneratedName() {
    Stubbed client = OAuthClients.create(Stubbed.class, URI.create("http://127.0.0.1:9/"), TOKENS);
    assertEquals("dev.portcullis.OAuthClientsTest_Stubbed_OAuthStub", client.getClass().getName());
  }

  @Test
  void interfaceWithoutTheAnnotationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> OAuthClients.builder(NotAClient.class));
  }

  @Test
  void missingBaseUriNamesTheKey() {
    PortcullisConfigException e =
        assertThrows(
            PortcullisConfigException.class,
            () -> OAuthClients.builder(Stubbed.class).tokens(TOKENS).build());
    assertTrue(e.getMessage().contains("portcullis.client.stubbed.base-uri"), e.getMessage());
    assertTrue(e.getMessage().contains("PORTCULLIS_CLIENT_STUBBED_BASE_URI"), e.getMessage());
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBecauseTokensWouldTravelInClearText() {
    PortcullisConfigException e =
        assertThrows(
            PortcullisConfigException.class,
            () -> OAuthClients.create(Stubbed.class, URI.create("http://api.example.com"), TOKENS));
    assertTrue(e.getMessage().contains("allow-insecure-http"), e.getMessage());
  }
}
