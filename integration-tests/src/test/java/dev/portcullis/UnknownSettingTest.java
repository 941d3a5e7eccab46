package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testapp.OrdersResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelt setting is a warning when the application starts, not silence. */
class UnknownSettingTest {

  @Test
  void aMisspeltSystemPropertyIsOneWarningAtStartupWithTheSettingItProbablyMeans() throws Exception {
    try (KeyServer keys = new KeyServer()) {
      PortcullisConfig config = PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
          .resourceMetadata(false).build();
      System.setProperty("portcullis.token-cache-sise", "100");
      List<String> first;
      List<String> second;
      try {
        // Only this name: the environment the tests run in may hold other PORTCULLIS_ variables.
        first = StartupLog.of(config, OrdersResource.class).stream().filter(line -> line.contains("-sise")).toList();
        second = StartupLog.of(config, OrdersResource.class).stream().filter(line -> line.contains("-sise")).toList();
      } finally {
        System.clearProperty("portcullis.token-cache-sise");
      }
      assertEquals(List.of("WARNING: Portcullis does not know the system property portcullis.token-cache-sise and"
          + " ignores it. Did you mean portcullis.token-cache-size?"), first);
      assertEquals(List.of(), second, "The same name is not reported twice.");
    }
  }
}
