package dev.portcullis.sample;

import dev.portcullis.test.SecurityConformance;
import dev.portcullis.test.TestIssuer;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint of the Orders API answers as its annotations declare, checked from the scope
 * manifest the processor wrote for it, with tokens from a test issuer the sample is pointed at
 * the way it is pointed at a real identity provider ({@code PORTCULLIS_ISSUER}).
 */
class OrdersApiConformanceTest {
  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create(SampleApp.DEFAULT_AUDIENCE);

  private static SampleApp app;

  @BeforeAll
  static void start() {
    app = SampleApp.start(Map.of("PORT", "0", "PORTCULLIS_ISSUER", issuer.issuer()), new Properties());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyEndpointOfTheOrdersApiIsProtectedAsDeclared() {
    SecurityConformance.check(app.baseUri(), issuer);
  }
}
