package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Registered with {@code @RegisterExtension}, the issuer is closed by JUnit: after the class
 * when the field is static (also across {@code @Nested} classes), after each test otherwise.
 * The {@link ExtensionFixtures} run under their own launcher, so the test sees them finish.
 */
class TestIssuerExtensionTest {
  private static final List<TestIssuer> seen = ExtensionFixtures.seen;

  @Test
  void aStaticIssuerServesEveryTestOfTheClassAndIsClosedAfterIt() {
    TestExecutionSummary summary = launch(ExtensionFixtures.StaticField.class);

    assertEquals(3, summary.getTestsSucceededCount(), () -> failures(summary));
    assertEquals(3, seen.size());
    assertTrue(seen.stream().allMatch(issuer -> issuer == ExtensionFixtures.StaticField.issuer));
    assertThrows(IllegalStateException.class, ExtensionFixtures.StaticField.issuer::issuer);
  }

  @Test
  void anInstanceIssuerIsNewForEachTestAndClosedAfterIt() {
    TestExecutionSummary summary = launch(ExtensionFixtures.InstanceField.class);

    assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
    assertEquals(2, seen.size());
    assertNotSame(seen.get(0), seen.get(1));
    for (TestIssuer issuer : seen) {
      assertThrows(IllegalStateException.class, issuer::issuer);
    }
  }

  private static TestExecutionSummary launch(Class<?> fixture) {
    seen.clear();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    ExtensionFixtures.launched = true;
    try {
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
    } finally {
      ExtensionFixtures.launched = false;
    }
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(f -> f.getException().toString()).toList().toString();
  }
}
