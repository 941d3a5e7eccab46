package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that register a {@link TestIssuer} the ways users do, run by {@link
 * TestIssuerExtensionTest} under a launcher of its own; named so that the build does not run
 * them by themselves, and skipped if it does.
 */
final class ExtensionFixtures {
  static volatile boolean launched;
  static final List<TestIssuer> seen = new CopyOnWriteArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ExtensionFixtures() {}

  /** Uses the issuer over HTTP, as an application would, and records it. */
  private static void use(TestIssuer issuer) throws Exception {
    Assumptions.assumeTrue(launched, "a fixture of TestIssuerExtensionTest");
    HttpResponse<Void> discovery = HTTP.send(HttpRequest.newBuilder(
        URI.create(issuer.issuer() + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertEquals(200, discovery.statusCode());
    seen.add(issuer);
  }

  static class StaticField {
    @RegisterExtension
    static final TestIssuer issuer = TestIssuer.create("shop-api");

    @RepeatedTest(2)
    void usesTheIssuer() throws Exception {
      use(issuer);
    }

    @Nested
    class Inner {
      @Test
      void stillServedInANestedClass() throws Exception {
        use(issuer);
      }
    }
  }

  static class InstanceField {
    @RegisterExtension
    final TestIssuer issuer = TestIssuer.create("shop-api");

    @RepeatedTest(2)
    void usesItsOwnIssuer() throws Exception {
      use(issuer);
    }
  }
}
