package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.internal.filters.StartupMessages;
import dev.portcullis.spi.ResourceFilter;
import dev.portcullis.testapp.ItemsApi;
import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.OrdersResource;
import dev.portcullis.testapp.PlainResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fails closed at startup: the Jakarta REST implementation calls DynamicFeature.configure while
 * it builds the application model, and the IllegalStateException thrown there stops it.
 *
 * <p>Every class of the test application has the filter the processor generated for it; a
 * class loader that defines a resource class itself, and shows or hides its filter, stands for
 * deployments where the two are not side by side.
 */
class StartupTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** ItemsResource as if compiled without the processor; its only Portcullis annotation sits on its API interface. */
  private static Class<?> itemsResourceWithoutFilter() throws ClassNotFoundException {
    return new ChildFirstLoader(Set.of(ItemsResource.class.getName()),
        Set.of(ResourceFilter.filterName(ItemsResource.class))).loadClass(ItemsResource.class.getName());
  }

  @Test
  void annotatedClassWithoutGeneratedFilterStopsStartupAndExplainsTheProcessor() throws Exception {
    assumeTrue(TestApp.implementation().reportsServedClass(),
        "The implementation names only the interface with @Path at startup, not the class it serves.");
    Class<?> resource = itemsResourceWithoutFilter();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(keys.config().build(), resource).close());
    assertEquals(StartupMessages.processorMissing(ItemsResource.class), rootCause(e).getMessage());
  }

  @Test
  void annotatedClassWithoutGeneratedFilterKnownOnlyPerRequestIsRefusedEveryRequestAndExplained() throws Exception {
    assumeFalse(TestApp.implementation().reportsServedClass(),
        "The implementation names the class it serves at startup, which refuses to start instead.");
    Class<?> resource = itemsResourceWithoutFilter();
    List<String> logged = new ArrayList<>();
    try (TestApp app = TestApp.start(keys.config().build(), resource)) {
      logged.addAll(PortcullisLog.during(() -> {
        assertEquals(403, app.get("/items/1").status());
        assertEquals(403, app.bearer("/items/1", keys.token("items:read")).status());
        assertEquals(403, app.bearer("/items/2", keys.token("items:read")).status());
      }));
    }
    assertEquals(List.of("SEVERE: Portcullis refuses every request to " + ItemsApi.class.getName() + ".get(String) served by "
        + ItemsResource.class.getName() + ": " + StartupMessages.processorMissing(ItemsResource.class)), logged);
  }

  @Test
  void generatedFilterIsFoundThroughTheResourceClassLoader() throws Exception {
    ChildFirstLoader loader = new ChildFirstLoader(
        Set.of(OrdersResource.class.getName(), ResourceFilter.filterName(OrdersResource.class)), Set.of());
    Class<?> resource = loader.loadClass(OrdersResource.class.getName());
    assertNotSame(OrdersResource.class, resource);
    try (TestApp app = TestApp.start(keys.config().build(), resource)) {
      assertEquals(401, app.get("/orders").status());
      assertEquals(403, app.bearer("/orders", keys.token("orders:write")).status());
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
    }
  }

  @Test
  void filterThatGuardsACopyOfTheClassFromAnotherLoaderStopsStartup() throws Exception {
    // The child loader defines OrdersResource but leaves its filter, and so the filter's OrdersResource, to its parent.
    Class<?> resource = new ChildFirstLoader(Set.of(OrdersResource.class.getName()), Set.of())
        .loadClass(OrdersResource.class.getName());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(keys.config().build(), resource).close());
    assertEquals(StartupMessages.filterOfAnotherCopy(resource, OrdersResource.class), rootCause(e).getMessage());
  }

  @Test
  void annotatedClassInAnApplicationThatForgotPortcullisFeatureStopsStartup() {
    TestApplication app = new TestApplication(Map.of(), OrdersResource.class);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestApp.serve(app).close());
    assertEquals(StartupMessages.featureMissing(OrdersResource.class), rootCause(e).getMessage());
  }

  @Test
  void applicationWithoutPortcullisFeatureMayServeAnnotatedClassesUnprotectedOnPurpose() {
    TestApplication app = new TestApplication(Map.of("portcullis.require-feature", "false"),
        PlainResource.class, OrdersResource.class);
    try (TestApp served = TestApp.serve(app)) {
      Answer answer = served.get("/orders");
      assertEquals(200, answer.status());
      assertEquals("orders", answer.body());
    }
  }

  @Test
  void applicationWithoutAnnotatedClassesNeedsNoPortcullisFeature() {
    // The registration check reaches every application on this class path; with nothing
    // annotated it must neither stop startup nor touch requests.
    try (TestApp served = TestApp.serve(new TestApplication(Map.of(), PlainResource.class))) {
      Answer answer = served.get("/plain", "Authorization", "Bearer not-a-jwt");
      assertEquals(200, answer.status());
      assertEquals("plain", answer.body());
    }
  }

  @Test
  void classWithoutAnnotationsHasNoFilterAndIsLeftAlone() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(ResourceFilter.filterName(PlainResource.class)));
    try (TestApp app = TestApp.start(keys.config().build(), PlainResource.class)) {
      Answer answer = app.get("/plain", "Authorization", "Bearer not-a-jwt");
      assertEquals(200, answer.status());
      assertEquals("plain", answer.body());
    }
  }
}
