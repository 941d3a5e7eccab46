package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.internal.filters.StartupMessages;
import dev.portcullis.spi.ResourceFilter;
import dev.portcullis.testapp.BooksResource;
import dev.portcullis.testapp.PagesResource;
import dev.portcullis.testapp.ShelvesResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sub-resources are guarded by their own generated filters, whether a locator declares their
 * class or decides it per request, and one whose filter is missing is never served: its
 * application refuses to start or, where it can only be met per request, every request to it is
 * answered 403.
 */
class SubResourceLocatorTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  /** ShelvesResource and the sub-resource {@code withoutFilter} as if compiled without the processor. */
  private static Class<?> shelvesWithoutFilterOf(Class<?> withoutFilter) throws ClassNotFoundException {
    return new ChildFirstLoader(Set.of(ShelvesResource.class.getName(), withoutFilter.getName()),
        Set.of(ResourceFilter.filterName(withoutFilter))).loadClass(ShelvesResource.class.getName());
  }

  @Test
  void declaredSubResourceIsGuardedByItsOwnFilter() {
    try (TestApp app = TestApp.start(keys.config().build(), ShelvesResource.class)) {
      Answer missing = app.get("/shelves/books");
      assertEquals(401, missing.status());
      Answer insufficient = app.bearer("/shelves/books", keys.token("orders:read"));
      assertEquals(403, insufficient.status());
      assertTrue(insufficient.challenge().contains("error=\"insufficient_scope\""), insufficient::toString);
      Answer granted = app.bearer("/shelves/books", keys.token("items:read"));
      assertEquals(200, granted.status());
      assertEquals("books", granted.body());
      assertEquals(200, app.get("/shelves/books/count").status());
    }
  }

  @Test
  void subResourceTheLocatorDecidesPerRequestIsGuardedByItsOwnFilter() {
    try (TestApp app = TestApp.start(keys.config().build(), ShelvesResource.class)) {
      assertEquals(401, app.get("/shelves/pages").status());
      assertEquals(403, app.bearer("/shelves/pages", keys.token("items:read")).status());
      Answer granted = app.bearer("/shelves/pages", keys.token("notes:write"));
      assertEquals(200, granted.status());
      assertEquals("pages", granted.body());
    }
  }

  @Test
  void subResourceTheLocatorDecidesPerRequestWithoutItsFilterIsRefusedEveryRequestAndExplained() throws Exception {
    Class<?> shelves = shelvesWithoutFilterOf(PagesResource.class);
    try (TestApp app = TestApp.start(keys.config().build(), shelves)) {
      List<String> logged = PortcullisLog.during(() -> {
        assertEquals(403, app.get("/shelves/pages").status());
        assertEquals(403, app.bearer("/shelves/pages", keys.token("notes:write")).status());
      });
      assertEquals(List.of("SEVERE: Portcullis refuses every request to " + PagesResource.class.getName()
          + ".list(): " + StartupMessages.processorMissing(PagesResource.class)), logged);
      assertEquals(200, app.bearer("/shelves/books", keys.token("items:read")).status());
    }
  }

  @Test
  void declaredSubResourceWithoutItsFilterStopsStartup() throws Exception {
    assumeTrue(TestApp.implementation().listsResourceClassesToFeatures(),
        "The implementation does not show Portcullis the root class, which has no resource method.");
    Class<?> shelves = shelvesWithoutFilterOf(BooksResource.class);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(keys.config().build(), shelves).close());
    assertEquals(StartupMessages.processorMissing(BooksResource.class), e.getMessage());
  }

  @Test
  void declaredSubResourceWithoutItsFilterKnownOnlyPerRequestIsRefusedEveryRequest() throws Exception {
    assumeFalse(TestApp.implementation().listsResourceClassesToFeatures(),
        "The implementation shows Portcullis the root class, which refuses to start instead.");
    Class<?> shelves = shelvesWithoutFilterOf(BooksResource.class);
    try (TestApp app = TestApp.start(keys.config().build(), shelves)) {
      List<String> logged = PortcullisLog.during(() -> {
        assertEquals(403, app.get("/shelves/books").status());
        assertEquals(403, app.bearer("/shelves/books", keys.token("items:read")).status());
        // Even its public method: without the generated filter nothing says it is public.
        assertEquals(403, app.get("/shelves/books/count").status());
      });
      assertTrue(logged.contains("SEVERE: Portcullis refuses every request to " + BooksResource.class.getName()
          + ".list(): " + StartupMessages.processorMissing(BooksResource.class)), logged::toString);
      assertEquals(200, app.bearer("/shelves/pages", keys.token("notes:write")).status());
    }
  }
}
