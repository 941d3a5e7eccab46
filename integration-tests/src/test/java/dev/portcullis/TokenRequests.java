package dev.portcullis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;

/** What mock-oauth2-server's token endpoint received. */
final class TokenRequests {
  private TokenRequests() {}

  /** The bodies of the token requests {@code server} received since the last call. */
  static List<String> since(MockOAuth2Server server) {
    List<String> bodies = new ArrayList<>();
    while (true) {
      RecordedRequest request;
      try {
        request = server.takeRequest(50, TimeUnit.MILLISECONDS);
      } catch (RuntimeException drained) {
        return bodies; // the mock throws when no request is left
      }
      if (request.getPath().endsWith("/token")) {
        bodies.add(request.getBody().readUtf8());
      }
    }
  }
}
