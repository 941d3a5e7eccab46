package dev.portcullis.processor.base;

import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;

/** The compiler's tree API, which javac has and some other compilers do not. */
public final class CompilerTrees {
  private CompilerTrees() {}

  /** The tree API of {@code env}'s compiler, or {@code null} when it has none. */
  public static Trees of(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return null; // Without it, catalogues in jars are found through API packages only.
    }
  }
}
