package dev.portcullis.internal.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.spi.AccessRule;
import dev.portcullis.testapp.CrudApi;
import dev.portcullis.testapp.ItemsApi;
import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.KindsBase;
import dev.portcullis.testapp.KindsResource;
import dev.portcullis.testapp.LookupApi;
import dev.portcullis.testapp.OverloadsResource;
import dev.portcullis.testapp.PlainResource;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A JAX-RS runtime reports a resource method either as the class's method (Jersey) or as the
 * method carrying the JAX-RS annotations, which may be an interface's or a superclass's
 * (RESTEasy); either way the generated filter's rule for the class's method applies.
 */
class ReportedMethodTest {
  private final GeneratedFilters filters = new GeneratedFilters();

  private AccessRule ruleFor(Class<?> resourceClass, Method reported) {
    Optional<GeneratedFilters.Bound> bound = filters.find(resourceClass);
    assertTrue(bound.isPresent(), () -> "no generated filter for " + resourceClass);
    return bound.get().ruleFor(reported);
  }

  @Test
  void interfaceMethodGetsTheRuleOfTheClassMethod() throws Exception {
    Method reported = ItemsApi.class.getMethod("get", String.class);
    assertEquals(AccessRule.allOf("items:read"), ruleFor(ItemsResource.class, reported));
    assertEquals(ruleFor(ItemsResource.class, ItemsResource.class.getMethod("get", String.class)),
        ruleFor(ItemsResource.class, reported));
  }

  @Test
  void genericInterfaceMethodGetsTheRuleOfItsImplementationNotOfAnOverload() throws Exception {
    assertEquals(AccessRule.allOf("notes:write"),
        ruleFor(OverloadsResource.class, CrudApi.class.getMethod("create", Object.class)));
    assertEquals(AccessRule.allOf("audit"),
        ruleFor(OverloadsResource.class, OverloadsResource.class.getMethod("create", Integer.class)));
  }

  @Test
  void interfaceMethodWithAWiderParameterThanAnOverloadGetsItsOwnRule() throws Exception {
    assertEquals(AccessRule.allOf("items:read"),
        ruleFor(OverloadsResource.class, LookupApi.class.getMethod("find", LookupApi.Key.class)));
    assertEquals(AccessRule.allOf("audit"), ruleFor(OverloadsResource.class,
        OverloadsResource.class.getMethod("find", OverloadsResource.SpecialKey.class)));
  }

  @Test
  void genericSuperclassMethodGetsTheRuleBoundForIt() throws Exception {
    AccessRule rule = ruleFor(KindsResource.class, KindsBase.class.getMethod("inherited", Object.class));
    assertTrue(rule.declares(AccessRule.anyOf("kinds:read")), rule::toString);
  }

  @Test
  void classWithoutAnnotationsHasNoFilter() {
    assertEquals(Optional.empty(), filters.find(PlainResource.class));
  }
}
