package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.spi.ResourceFilter;
import dev.portcullis.testapp.KindsResource;
import dev.portcullis.testapp.OverloadsResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated filter names each resource method by its name and erased parameter types, and
 * the runtime finds every one of them by reflection, whatever its shape; each keeps its own
 * rule, widened by the catalogue's hierarchy (kinds:admin implies kinds:write implies
 * kinds:read).
 */
class MethodShapesTest {
  private static KeyServer keys;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    keys = new KeyServer();
    app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
            .resourceMetadata(false).build(),
        KindsResource.class, KindsResource.Nested.class, KindsResource.TagsConverter.class,
        OverloadsResource.class);
  }

  @AfterAll
  static void stop() {
    app.close();
    keys.close();
  }

  private static Answer post(String path, String type, String body, String token) {
    return app.send("POST", path, body, "Content-Type", type, "Authorization", "Bearer " + token);
  }

  @Test
  void primitiveAndNestedClassParametersAreFoundAndGuardedWithTheHierarchy() {
    String path = "/kinds/search?limit=2&tag=red&verbose=true";
    assertEquals(401, app.get(path).status());
    Answer forbidden = app.bearer(path, keys.token("kinds:write"));
    assertEquals(403, forbidden.status());
    assertTrue(forbidden.challenge().contains("scope=\"kinds:write audit\""), forbidden::toString);
    assertEquals("search 2 red true", app.bearer(path, keys.token("kinds:write audit")).body());
    assertEquals("search 2 red true", app.bearer(path, keys.token("kinds:admin audit")).body());
  }

  @Test
  void arrayAndGenericParametersAreFoundAndGuarded() {
    assertEquals(401, app.send("POST", "/kinds/bytes", "abc", "Content-Type", "application/octet-stream").status());
    assertEquals("3 bytes", post("/kinds/bytes", "application/octet-stream", "abc", keys.token("profile")).body());
    assertEquals(401, app.get("/kinds/tags?tags=a,b&more=c").status());
    assertEquals("[a, b] [c]", app.bearer("/kinds/tags?tags=a,b&more=c", keys.token("profile")).body());
  }

  @Test
  void methodInheritedFromAGenericSuperclassIsFoundAndGuarded() {
    assertEquals(401, app.send("POST", "/kinds/inherited", "hi").status());
    Answer forbidden = post("/kinds/inherited", "text/plain", "hi", keys.token("audit"));
    assertEquals(403, forbidden.status());
    assertTrue(forbidden.challenge().contains("scope=\"kinds:read\""), forbidden::toString);
    assertEquals("inherited hi", post("/kinds/inherited", "text/plain", "hi", keys.token("kinds:read")).body());
    assertEquals("inherited hi", post("/kinds/inherited", "text/plain", "hi", keys.token("kinds:admin")).body());
  }

  @Test
  void overloadsKeepTheirOwnRules() {
    assertEquals("id 7", app.bearer("/kinds/find/7", keys.token("kinds:write")).body());
    assertEquals(403, app.bearer("/kinds/find/7", keys.token("audit")).status());
    assertEquals("name x", app.bearer("/kinds/find/x", keys.token("audit")).body());
    assertEquals(403, app.bearer("/kinds/find/x", keys.token("kinds:admin")).status());
  }

  @Test
  void publicMethodOfAClassThatRequiresATokenNeedsNone() {
    assertEquals("ok", app.get("/kinds/health").body());
  }

  @Test
  void nestedResourceClassHasAFilterOfItsOwn() throws Exception {
    assertEquals("dev.portcullis.testapp.KindsResource_Nested_PortcullisFilter",
        ResourceFilter.filterName(KindsResource.Nested.class));
    assertEquals(KindsResource.Nested.class,
        ((ResourceFilter) Class.forName(ResourceFilter.filterName(KindsResource.Nested.class))
            .getConstructor().newInstance()).resourceClass());
    assertEquals(401, app.get("/kinds/nested").status());
    assertEquals(403, app.bearer("/kinds/nested", keys.token("audit")).status());
    assertEquals("nested", app.bearer("/kinds/nested", keys.token("kinds:admin")).body());
  }

  @Test
  void overloadBesideAGenericInterfaceMethodKeepsTheClassRule() {
    assertEquals(403, post("/overloads", "text/plain", "x", keys.token("audit")).status());
    assertEquals("created x", post("/overloads", "text/plain", "x", keys.token("notes:write")).body());
    assertEquals(403, post("/overloads/count", "text/plain", "3", keys.token("notes:write")).status());
    assertEquals("counted 3", post("/overloads/count", "text/plain", "3", keys.token("audit")).body());
  }

  @Test
  void overloadWithANarrowerParameterThanAnInterfaceMethodKeepsTheClassRule() {
    assertEquals(403, app.bearer("/overloads?q=a", keys.token("audit")).status());
    assertEquals("found a", app.bearer("/overloads?q=a", keys.token("items:read")).body());
    assertEquals(403, app.bearer("/overloads/special?q=b", keys.token("items:read")).status());
    assertEquals("found special b", app.bearer("/overloads/special?q=b", keys.token("audit")).body());
  }
}
