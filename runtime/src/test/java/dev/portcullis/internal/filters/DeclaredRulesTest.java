package dev.portcullis.internal.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.Dpop;
import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.internal.filters.DeclaredRules.Declared;
import dev.portcullis.spi.AccessRule;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule the annotations declare for a resource method, found by reflection with the
 * processor's precedence: the method's own annotation, then the nearest method it overrides,
 * then the resource class, then the nearest supertype the method is a member of.
 */
class DeclaredRulesTest {

  // Precedence.

  interface MethodApi {
    @RequiresScope("api")
    String own();

    @RequiresScope("api")
    String overridden();
  }

  @RequiresToken
  interface TypeApi {
    String fromTypeApi();
  }

  @RequiresScope("class")
  static class Precedence implements MethodApi, TypeApi {
    @Override
    @Public
    public String own() {
      return "";
    }

    @Override
    public String overridden() {
      return "";
    }

    @Override
    public String fromTypeApi() {
      return "";
    }

    public String plain() {
      return "";
    }
  }

  static class WithoutClassRule implements TypeApi {
    @Override
    public String fromTypeApi() {
      return "";
    }

    public String notInTypeApi() {
      return "";
    }
  }

  static class Parent {
    @RequiresScope("parent")
    public String get() {
      return "";
    }
  }

  static class Child extends Parent {
    @Override
    public String get() {
      return "";
    }
  }

  interface FarApi {
    @RequiresScope("far")
    String get();
  }

  interface NearApi extends FarApi {
    @Override
    @RequiresScope("near")
    String get();
  }

  static class ImplementsNear implements NearApi {
    @Override
    public String get() {
      return "";
    }
  }

  @RequiresScope("far")
  interface FarType {
    String get();
  }

  @RequiresScope("near")
  interface NearType extends FarType {}

  static class ImplementsNearType implements NearType {
    @Override
    public String get() {
      return "";
    }
  }

  /** The implementation is inherited from a superclass that does not implement the API. */
  static class Implementation {
    public String get() {
      return "";
    }
  }

  static class InheritsImplementation extends Implementation implements FarApi {}

  // Generic interfaces and bridge methods.

  interface CrudApi<T> {
    @RequiresScope("write")
    String create(T body);
  }

  static class Notes implements CrudApi<String> {
    @Override
    public String create(String body) {
      return body;
    }
  }

  static class OwnNotes implements CrudApi<String> {
    @Override
    @Public
    public String create(String body) {
      return body;
    }
  }

  interface ArrayApi<T> {
    @RequiresScope("many")
    String createAll(T[] bodies);
  }

  static class ArrayNotes implements ArrayApi<String> {
    @Override
    public String createAll(String[] bodies) {
      return "";
    }
  }

  static class CovariantParent {
    @RequiresScope("parent")
    public Object get() {
      return "";
    }
  }

  /** Its get() returns String, so javac adds a bridge Object get() calling it. */
  static class CovariantChild extends CovariantParent {
    @Override
    public String get() {
      return "";
    }
  }

  // Overloads that override nothing.

  interface Finder {
    @RequiresScope("finder")
    String find(Object key);
  }

  @RequiresScope("class")
  static class Overloads implements Finder {
    @Override
    public String find(Object key) {
      return "";
    }

    /** An overload, not an implementation of Finder.find(Object): the class rule applies. */
    public String find(String name) {
      return "";
    }
  }

  // Conflicts.

  interface ReadApi {
    @RequiresScope("read")
    String get();
  }

  interface AuditApi {
    @RequiresScope("audit")
    String get();
  }

  static class Conflicting implements ReadApi, AuditApi {
    @Override
    public String get() {
      return "";
    }
  }

  interface AbApi {
    @RequiresScope({"a", "b"})
    String get();
  }

  interface BaApi {
    @RequiresScope({"b", "a"})
    String get();
  }

  static class Agreeing implements AbApi, BaApi {
    @Override
    public String get() {
      return "";
    }
  }

  @RequiresScope("read")
  interface ReadType {
    String get();
  }

  @RequiresToken
  interface TokenType {
    String get();
  }

  static class ConflictingTypes implements ReadType, TokenType {
    @Override
    public String get() {
      return "";
    }
  }

  // Annotations the processor refuses but an altered class file can carry.

  static class Damaged {
    @Public
    @RequiresToken
    @RequiresScope("strict")
    public String several() {
      return "";
    }
  }

  static class EmptyScopes {
    @RequiresScope({})
    public String empty() {
      return "";
    }
  }

  // Step-up authentication.

  @RequiresScope(value = "account:read", acr = {"mfa", "phr"})
  static class StepUp {
    public String inherited() {
      return "";
    }

    @RequiresToken(maxAge = 60)
    public String own() {
      return "";
    }

    @RequiresScope("account:read")
    public String dropped() {
      return "";
    }

    @RequiresToken(maxAge = 0)
    public String zero() {
      return "";
    }
  }

  // DPoP.

  @RequiresScope(value = "payments:read", dpop = Dpop.REQUIRED)
  static class Payments {
    public String inherited() {
      return "";
    }

    @RequiresToken(dpop = Dpop.ALLOWED)
    public String own() {
      return "";
    }

    @RequiresScope("payments:read")
    public String dropped() {
      return "";
    }
  }

  // anyInHierarchy.

  static class Plain extends Implementation implements Runnable {
    @Override
    public void run() {}
  }

  @RequiresScope("base")
  abstract static class AnnotatedBase {}

  static class ExtendsAnnotatedBase extends AnnotatedBase {
    public String get() {
      return "";
    }
  }

  static class ImplementsFarApiDeepDown extends Plain implements NearApi {
    @Override
    public String get() {
      return "";
    }
  }

  private static Declared declared(Class<?> resourceClass, Method method) {
    Optional<Declared> declared = DeclaredRules.of(resourceClass, method);
    assertTrue(declared.isPresent(), () -> "no rule for " + method);
    return declared.get();
  }

  private static Declared declared(Class<?> resourceClass, String name, Class<?>... parameterTypes)
      throws NoSuchMethodException {
    return declared(resourceClass, resourceClass.getMethod(name, parameterTypes));
  }

  private static void assertRule(AccessRule expected, AnnotatedElement source, Declared declared) {
    assertEquals(expected, declared.rule());
    assertEquals(source, declared.source());
    assertNull(declared.conflicting(), () -> "unexpected conflict " + declared.conflicting());
  }

  @Test
  void methodAnnotationComesFirst() throws Exception {
    assertRule(AccessRule.publicAccess(), Precedence.class.getMethod("own"), declared(Precedence.class, "own"));
  }

  @Test
  void annotationOfTheOverriddenMethodComesBeforeTheClassAnnotation() throws Exception {
    assertRule(AccessRule.allOf("api"), MethodApi.class.getMethod("overridden"),
        declared(Precedence.class, "overridden"));
  }

  @Test
  void classAnnotationComesBeforeTheSupertypeAnnotation() throws Exception {
    assertRule(AccessRule.allOf("class"), Precedence.class, declared(Precedence.class, "fromTypeApi"));
    assertRule(AccessRule.allOf("class"), Precedence.class, declared(Precedence.class, "plain"));
  }

  @Test
  void supertypeAnnotationAppliesOnlyToMethodsTheSupertypeHas() throws Exception {
    assertRule(AccessRule.anyToken(), TypeApi.class, declared(WithoutClassRule.class, "fromTypeApi"));
    assertEquals(Optional.empty(),
        DeclaredRules.of(WithoutClassRule.class, WithoutClassRule.class.getMethod("notInTypeApi")));
    assertEquals(Optional.empty(),
        DeclaredRules.of(ExtendsAnnotatedBase.class, ExtendsAnnotatedBase.class.getMethod("get")));
  }

  @Test
  void superclassMethodAnnotationAppliesToItsOverride() throws Exception {
    assertRule(AccessRule.allOf("parent"), Parent.class.getMethod("get"), declared(Child.class, "get"));
  }

  @Test
  void nearestOverriddenMethodWins() throws Exception {
    assertRule(AccessRule.allOf("near"), NearApi.class.getMethod("get"), declared(ImplementsNear.class, "get"));
  }

  @Test
  void nearestAnnotatedSupertypeWins() throws Exception {
    assertRule(AccessRule.allOf("near"), NearType.class, declared(ImplementsNearType.class, "get"));
  }

  @Test
  void methodInheritedFromASuperclassTakesTheRuleOfTheInterfaceItImplements() throws Exception {
    assertRule(AccessRule.allOf("far"), FarApi.class.getMethod("get"),
        declared(InheritsImplementation.class, Implementation.class.getMethod("get")));
  }

  @Test
  void genericInterfaceMethodImplementedWithAConcreteTypeKeepsItsRule() throws Exception {
    Method generic = CrudApi.class.getMethod("create", Object.class);
    assertRule(AccessRule.allOf("write"), generic, declared(Notes.class, "create", String.class));
    // JAX-RS may report the interface method itself.
    assertRule(AccessRule.allOf("write"), generic, declared(Notes.class, generic));
    assertRule(AccessRule.allOf("many"), ArrayApi.class.getMethod("createAll", Object[].class),
        declared(ArrayNotes.class, "createAll", String[].class));
  }

  @Test
  void bridgeMethodHasTheRuleOfTheMethodItCalls() throws Exception {
    Method bridge = Notes.class.getMethod("create", Object.class);
    assertTrue(bridge.isBridge(), bridge::toString);
    assertEquals(AccessRule.allOf("write"), declared(Notes.class, bridge).rule());
    assertEquals(AccessRule.publicAccess(), declared(OwnNotes.class, "create", Object.class).rule());

    Method covariantBridge = null;
    for (Method method : CovariantChild.class.getDeclaredMethods()) {
      if (method.isBridge()) {
        covariantBridge = method;
      }
    }
    assertNotNull(covariantBridge);
    assertRule(AccessRule.allOf("parent"), CovariantParent.class.getMethod("get"),
        declared(CovariantChild.class, covariantBridge));
    assertRule(AccessRule.allOf("parent"), CovariantParent.class.getMethod("get"),
        declared(CovariantChild.class, "get"));
  }

  @Test
  void overloadWithANarrowerParameterOverridesNothing() throws Exception {
    assertRule(AccessRule.allOf("finder"), Finder.class.getMethod("find", Object.class),
        declared(Overloads.class, "find", Object.class));
    assertRule(AccessRule.allOf("class"), Overloads.class, declared(Overloads.class, "find", String.class));
  }

  @Test
  void unrelatedSupertypesWithDifferentMethodRulesConflict() throws Exception {
    Declared declared = declared(Conflicting.class, "get");
    assertNotNull(declared.conflicting());
    assertEquals(Set.of(AccessRule.allOf("read"), AccessRule.allOf("audit")),
        Set.of(declared.rule(), declared.conflicting().rule()));
    assertEquals(Set.of(ReadApi.class.getMethod("get"), AuditApi.class.getMethod("get")),
        Set.of(declared.source(), declared.conflicting().source()));
  }

  @Test
  void unrelatedSupertypesWithDifferentTypeRulesConflict() throws Exception {
    Declared declared = declared(ConflictingTypes.class, "get");
    assertNotNull(declared.conflicting());
    assertEquals(Set.of(ReadType.class, TokenType.class), Set.of(declared.source(), declared.conflicting().source()));
  }

  @Test
  void unrelatedSupertypesDeclaringTheSameScopesInAnotherOrderAgree() throws Exception {
    Declared declared = declared(Agreeing.class, "get");
    assertNull(declared.conflicting());
    assertTrue(declared.rule().declares(AccessRule.allOf("a", "b")), declared.rule()::toString);
  }

  @Test
  void methodWithSeveralAnnotationsGetsTheStrictest() throws Exception {
    assertEquals(AccessRule.allOf("strict"), declared(Damaged.class, "several").rule());
  }

  @Test
  void scopeAnnotationWithoutScopesStopsStartupNamingTheMethod() throws Exception {
    Method empty = EmptyScopes.class.getMethod("empty");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> DeclaredRules.of(EmptyScopes.class, empty));
    String where = EmptyScopes.class.getName() + ".empty()";
    assertEquals("The @RequiresScope on " + where + " lists no scope, the same scope twice, or an acr value or"
        + " maxAge the annotation processor refuses; rebuild the module that contains " + where + ".", e.getMessage());
  }

  @Test
  void anyInHierarchyFindsAnnotationsOnTheClassItsSupertypesAndTheirMethods() {
    assertTrue(DeclaredRules.anyInHierarchy(Precedence.class));
    assertTrue(DeclaredRules.anyInHierarchy(WithoutClassRule.class), "annotated interface");
    assertTrue(DeclaredRules.anyInHierarchy(ExtendsAnnotatedBase.class), "annotated superclass without methods");
    assertTrue(DeclaredRules.anyInHierarchy(InheritsImplementation.class), "annotated interface method");
    assertTrue(DeclaredRules.anyInHierarchy(ImplementsFarApiDeepDown.class), "method of a super-interface");
    assertTrue(DeclaredRules.anyInHierarchy(Damaged.class));
  }

  @Test
  void anyInHierarchyIgnoresClassesWithoutPortcullisAnnotations() {
    assertFalse(DeclaredRules.anyInHierarchy(Plain.class));
    assertFalse(DeclaredRules.anyInHierarchy(Implementation.class));
    assertFalse(DeclaredRules.anyInHierarchy(Object.class));
  }

  @Test
  void supertypesAreTheClassThenItsSupertypesBreadthFirstWithoutObject() {
    assertEquals(List.of(ImplementsFarApiDeepDown.class, Plain.class, NearApi.class, Implementation.class,
        Runnable.class, FarApi.class), DeclaredRules.supertypes(ImplementsFarApiDeepDown.class));
  }

  @Test
  void describeNamesTheClassTheMethodAndItsParameterTypes() throws Exception {
    assertEquals(Notes.class.getName() + ".create(String)",
        DeclaredRules.describe(Notes.class.getMethod("create", String.class)));
    assertEquals(ArrayNotes.class.getName() + ".createAll(String[])",
        DeclaredRules.describe(ArrayNotes.class.getMethod("createAll", String[].class)));
    assertEquals(Notes.class.getName(), DeclaredRules.describe(Notes.class));
  }

  @Test
  void stepUpComesWithTheAnnotationThatDecidesAndAMethodAnnotationReplacesTheClasss() throws Exception {
    assertRule(AccessRule.allOf("account:read").requiringAcr("mfa", "phr"), StepUp.class,
        declared(StepUp.class, "inherited"));
    assertRule(AccessRule.anyToken().requiringMaxAge(60), StepUp.class.getMethod("own"),
        declared(StepUp.class, "own"));
    assertRule(AccessRule.allOf("account:read"), StepUp.class.getMethod("dropped"),
        declared(StepUp.class, "dropped"));
  }

  @Test
  void dpopComesWithTheAnnotationThatDecidesAndAMethodAnnotationReplacesTheClasss() throws Exception {
    assertRule(AccessRule.allOf("payments:read").requiringDpop(Dpop.REQUIRED), Payments.class,
        declared(Payments.class, "inherited"));
    assertRule(AccessRule.anyToken().requiringDpop(Dpop.ALLOWED), Payments.class.getMethod("own"),
        declared(Payments.class, "own"));
    assertRule(AccessRule.allOf("payments:read"), Payments.class.getMethod("dropped"),
        declared(Payments.class, "dropped"));
  }

  @Test
  void maxAgeTheProcessorRefusesStopsStartupNamingTheAnnotation() throws Exception {
    Method zero = StepUp.class.getMethod("zero");
    IllegalStateException refusal =
        assertThrows(IllegalStateException.class, () -> DeclaredRules.of(StepUp.class, zero));
    assertTrue(refusal.getMessage().contains("The @RequiresToken on " + StepUp.class.getName() + ".zero()"),
        refusal.getMessage());
  }
}
