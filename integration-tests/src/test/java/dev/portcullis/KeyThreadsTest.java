package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.testapp.OrdersResource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The issuers' key loading threads end with what started them: an application that stops, a
 * {@link PortcullisFeature} that is closed, an application that is refused at startup, and an
 * {@link AccessTokenVerifier} that is closed. Jersey tells Portcullis that an application stops;
 * on RESTEasy, which does not, the test server closes the feature after stopping, as
 * {@link PortcullisFeature#close()} asks users of other implementations to.
 */
class KeyThreadsTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private static Set<Thread> keyThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("portcullis-keys") && thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /** Waits, at most 10 s, until none of {@code threads} is alive. */
  private static boolean allEnd(Set<Thread> threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(10_000);
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aStoppedApplicationLeavesNoKeyLoadingThread() throws Exception {
    Set<Thread> before = keyThreads();
    Set<Thread> started;
    try (TestApp app = TestApp.start(keys.config().build(), OrdersResource.class)) {
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      started = keyThreads();
      started.removeAll(before);
      assertEquals(1, started.size(), "one thread for the one issuer");
    }

    assertTrue(allEnd(started), "the application's key loading thread still runs after it stopped");
  }

  @Test
  void aClosedFeatureLeavesNoKeyLoadingThreadWhileTheServerRuns() throws Exception {
    Set<Thread> before = keyThreads();
    PortcullisFeature feature = new PortcullisFeature(keys.config().build());
    try (TestApp app = TestApp.serve(new TestApplication(Map.of(), OrdersResource.class, feature))) {
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      Set<Thread> started = keyThreads();
      started.removeAll(before);
      assertEquals(1, started.size(), "one thread for the one issuer");

      feature.close();

      assertTrue(allEnd(started), "the key loading thread still runs after the feature was closed");
      feature.close(); // a second close does nothing
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status(), "keys loaded before still serve");
    }
  }

  @Test
  void anApplicationRefusedAtStartupLeavesNoKeyLoadingThread() throws Exception {
    Set<Thread> before = keyThreads();
    // The child loader defines OrdersResource but leaves its filter, and so the filter's OrdersResource, to its parent.
    Class<?> copy = new ChildFirstLoader(Set.of(OrdersResource.class.getName()), Set.of())
        .loadClass(OrdersResource.class.getName());
    assertThrows(IllegalStateException.class, () -> TestApp.start(keys.config().build(), copy).close());

    Set<Thread> started = keyThreads();
    started.removeAll(before);
    assertTrue(allEnd(started), "a refused application's key loading thread still runs");
  }

  @Test
  void aClosedVerifierLeavesNoKeyLoadingThread() throws Exception {
    Set<Thread> before = keyThreads();
    AccessTokenVerifier verifier = AccessTokenVerifier.create(keys.config().build());
    verifier.verify(keys.token("orders:read"));
    Set<Thread> started = keyThreads();
    started.removeAll(before);
    assertFalse(started.isEmpty());

    verifier.close();

    assertTrue(allEnd(started), "the verifier's key loading thread still runs after close()");
  }
}
