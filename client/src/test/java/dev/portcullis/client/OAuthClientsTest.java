package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.OAuthClient;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What OAuthClients says when the processor did not run (this module is compiled without it),
 * and what it refuses before looking for a stub. Finding generated stubs is tested where the
 * processor runs: the integration tests.
 */
class OAuthClientsTest {
  /** A fixed token, as a lambda: a source that caches nothing has nothing to invalidate. */
  private static final AccessToken TOKEN =
      AccessToken.of("t", "Bearer", Instant.now().plusSeconds(60), Set.of());
  private static final TokenSource TOKENS = () -> TOKEN;

  /** Compiled without the processor: no stub. */
  @OAuthClient(name = "unstubbed")
  interface Unstubbed {}

  interface NotAClient {}

  @Test
  void missingStubSaysTheProcessorDidNotRun() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> OAuthClients.create(Unstubbed.class, URI.create("https://api.example.com"), TOKENS));
    assertTrue(e.getMessage().contains("annotation processor did not run"), e.getMessage());
  }

  @Test
  void interfaceWithoutTheAnnotationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> OAuthClients.builder(NotAClient.class));
  }
}
