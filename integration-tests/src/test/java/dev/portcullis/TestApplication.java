package dev.portcullis;

import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An application as a user writes one: resource classes, singletons (instances) and properties. */
final class TestApplication extends Application {
  private final Set<Class<?>> classes = new LinkedHashSet<>();
  private final Set<Object> singletons = new LinkedHashSet<>();
  private final Map<String, Object> properties;

  /** Each component is a class or an instance (a resource, a feature, a filter). */
  TestApplication(Map<String, Object> properties, Object... components) {
    for (Object component : List.of(components)) {
      if (component instanceof Class<?> type) {
        classes.add(type);
      } else {
        singletons.add(component);
      }
    }
    this.properties = Map.copyOf(properties);
  }

  @Override
  public Set<Class<?>> getClasses() {
    return classes;
  }

  @Override
  public Set<Object> getSingletons() {
    return singletons;
  }

  @Override
  public Map<String, Object> getProperties() {
    return properties;
  }
}
