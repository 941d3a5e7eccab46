package dev.portcullis.internal.filters;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter types of a method as a member of a class, erased: the type variables of the
 * method's declaring type replaced by the types the class gives them. {@code create(T)} of
 * {@code CrudApi<T>} is {@code create(Order)} as a member of a class implementing {@code
 * CrudApi<Order>}, so the class's {@code create(Order)} overrides it and its {@code
 * create(Object)} or {@code create(Integer)} does not: the override rule of the Java language,
 * which javac applies for the annotation processor.
 */
final class ParameterTypes {
  private ParameterTypes() {}

  /** The erased parameter types of {@code method}, a method of {@code type} or of one of its supertypes. */
  static List<Class<?>> asMemberOf(Class<?> type, Method method) {
    Type[] generic = method.getGenericParameterTypes();
    Class<?>[] erased = method.getParameterTypes();
    if (generic.length != erased.length) {
      // A class file without (or with a damaged) Signature attribute: only the erasure is known.
      return List.of(erased);
    }
    Map<TypeVariable<?>, Type> arguments = typeArguments(type);
    List<Class<?>> types = new ArrayList<>(generic.length);
    for (Type parameter : generic) {
      types.add(erase(parameter, arguments, new HashSet<>()));
    }
    return types;
  }

  /** Whether {@code method} and {@code other} take the same parameter types as members of {@code type}. */
  static boolean same(Class<?> type, Method method, Method other) {
    return method.getParameterCount() == other.getParameterCount()
        && asMemberOf(type, method).equals(asMemberOf(type, other));
  }

  /** The type argument {@code type} gives, directly or through its supertypes, to each type variable of a supertype. */
  private static Map<TypeVariable<?>, Type> typeArguments(Class<?> type) {
    Map<TypeVariable<?>, Type> arguments = new HashMap<>();
    Set<Class<?>> seen = new HashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> current = pending.poll();
      if (!seen.add(current)) {
        continue;
      }
      List<Type> supertypes = new ArrayList<>(List.of(current.getGenericInterfaces()));
      if (current.getGenericSuperclass() != null) {
        supertypes.add(current.getGenericSuperclass());
      }
      for (Type supertype : supertypes) {
        if (supertype instanceof ParameterizedType parameterized) {
          Class<?> raw = (Class<?>) parameterized.getRawType();
          TypeVariable<?>[] variables = raw.getTypeParameters();
          Type[] actual = parameterized.getActualTypeArguments();
          for (int i = 0; i < Math.min(variables.length, actual.length); i++) {
            arguments.putIfAbsent(variables[i], actual[i]);
          }
          pending.add(raw);
        } else if (supertype instanceof Class<?> plain) {
          pending.add(plain);
        }
      }
    }
    return arguments;
  }

  private static Class<?> erase(Type type, Map<TypeVariable<?>, Type> arguments, Set<TypeVariable<?>> resolving) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    if (type instanceof GenericArrayType array) {
      return erase(array.getGenericComponentType(), arguments, resolving).arrayType();
    }
    if (type instanceof TypeVariable<?> variable) {
      Type argument = arguments.get(variable);
      if (argument != null && resolving.add(variable)) {
        return erase(argument, arguments, resolving);
      }
      // Unbound here (a raw supertype or a method's own type variable): its erasure, the first bound.
      return erase(variable.getBounds()[0], arguments, resolving);
    }
    if (type instanceof WildcardType wildcard) {
      return erase(wildcard.getUpperBounds()[0], arguments, resolving);
    }
    return Object.class;
  }
}
