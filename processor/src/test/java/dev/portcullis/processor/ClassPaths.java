package dev.portcullis.processor;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;

/**
 * Puts the output of an earlier compilation on a later compilation's class path, the way an
 * API published in a jar reaches the code that uses it: its class files and resources come
 * first, then the tests' own class path.
 */
final class ClassPaths {
  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private ClassPaths() {}

  /**
   * Writes the class output of {@code compilation} into {@code directory} and returns the class
   * path that starts with it.
   */
  static List<File> withClassesOf(Compilation compilation, Path directory) throws IOException {
    writeClassOutput(compilation.generatedFiles(), directory);
    return classPathStartingWith(directory);
  }

  /** Writes the files of {@code generated} that are class output into {@code directory}. */
  static void writeClassOutput(List<JavaFileObject> generated, Path directory) throws IOException {
    for (JavaFileObject file : generated) {
      String name = classOutputName(file);
      if (name != null) {
        Path target = directory.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
  }

  /**
   * Writes the class output of {@code compilation} into the jar {@code jar} and returns the
   * class path that starts with it.
   */
  static List<File> withJarOf(Compilation compilation, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (JavaFileObject generated : compilation.generatedFiles()) {
        String name = classOutputName(generated);
        if (name != null) {
          out.putNextEntry(new JarEntry(name));
          try (InputStream in = generated.openInputStream()) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    return classPathStartingWith(jar);
  }

  /** The path of {@code file} inside the class output, or {@code null} for generated sources. */
  private static String classOutputName(JavaFileObject file) {
    String path = file.toUri().getPath();
    int start = path.indexOf(CLASS_OUTPUT);
    return start < 0 ? null : path.substring(start + CLASS_OUTPUT.length());
  }

  private static List<File> classPathStartingWith(Path first) {
    List<File> classpath = new ArrayList<>();
    classpath.add(first.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return classpath;
  }
}
