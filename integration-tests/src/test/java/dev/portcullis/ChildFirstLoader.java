package dev.portcullis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Defines the classes named in {@code own} itself, from the test class path's bytes, so that
 * they are distinct from the class path's copies; answers {@link ClassNotFoundException} for
 * those named in {@code hidden}; leaves every other class to its parent. It stands for
 * deployments where a resource class and its generated filter are not side by side.
 */
final class ChildFirstLoader extends ClassLoader {
  private final Set<String> own;
  private final Set<String> hidden;

  ChildFirstLoader(Set<String> own, Set<String> hidden) {
    super(ChildFirstLoader.class.getClassLoader());
    this.own = own;
    this.hidden = hidden;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (hidden.contains(name)) {
      throw new ClassNotFoundException(name);
    }
    if (!own.contains(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) {
        return loaded;
      }
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
