package dev.portcullis.internal.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A supertype's method as a member of a class: type variables replaced by the class's type arguments. */
class ParameterTypesTest {
  interface Crud<T> {
    String create(T body);

    String createAll(T[] bodies);

    String createMap(Map<String, T> bodies);
  }

  interface StringCrud extends Crud<String> {}

  abstract static class Base<B> implements Crud<B> {}

  static class ThroughSuperclass extends Base<Integer> {
    @Override
    public String create(Integer body) {
      return "";
    }

    @Override
    public String createAll(Integer[] bodies) {
      return "";
    }

    @Override
    public String createMap(Map<String, Integer> bodies) {
      return "";
    }

    public String create(Number overload) {
      return "";
    }

    public <N extends Number> String number(N value) {
      return "";
    }
  }

  @SuppressWarnings("rawtypes")
  abstract static class Raw implements Crud {}

  abstract static class ThroughSubInterface implements StringCrud {}

  private static Method crud(String name, Class<?> parameterType) throws NoSuchMethodException {
    return Crud.class.getMethod(name, parameterType);
  }

  @Test
  void typeVariableIsReplacedByTheArgumentGivenThroughASuperclass() throws Exception {
    assertEquals(List.of(Integer.class), ParameterTypes.asMemberOf(ThroughSuperclass.class, crud("create", Object.class)));
  }

  @Test
  void typeVariableIsReplacedByTheArgumentGivenThroughASubInterface() throws Exception {
    assertEquals(List.of(String.class), ParameterTypes.asMemberOf(ThroughSubInterface.class, crud("create", Object.class)));
  }

  @Test
  void arrayOfATypeVariableBecomesAnArrayOfTheArgument() throws Exception {
    assertEquals(List.of(Integer[].class),
        ParameterTypes.asMemberOf(ThroughSuperclass.class, crud("createAll", Object[].class)));
  }

  @Test
  void parameterizedTypesAreErasedToTheirClass() throws Exception {
    assertEquals(List.of(Map.class), ParameterTypes.asMemberOf(ThroughSuperclass.class, crud("createMap", Map.class)));
  }

  @Test
  void rawSupertypeAndMethodTypeVariablesKeepTheirErasure() throws Exception {
    assertEquals(List.of(Object.class), ParameterTypes.asMemberOf(Raw.class, crud("create", Object.class)));
    assertEquals(List.of(Number.class), ParameterTypes.asMemberOf(ThroughSuperclass.class,
        ThroughSuperclass.class.getMethod("number", Number.class)));
  }

  @Test
  void implementationTakesTheSameParameterTypesAsTheGenericMethodAndAnOverloadDoesNot() throws Exception {
    Method implementation = ThroughSuperclass.class.getMethod("create", Integer.class);
    assertTrue(ParameterTypes.same(ThroughSuperclass.class, implementation, crud("create", Object.class)));
    Method overload = ThroughSuperclass.class.getMethod("create", Number.class);
    assertFalse(ParameterTypes.same(ThroughSuperclass.class, overload, crud("create", Object.class)));
    assertFalse(ParameterTypes.same(ThroughSuperclass.class, implementation, crud("createAll", Object[].class)));
  }
}
