package dev.portcullis.internal.manifest;

import dev.portcullis.ScopeManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The command that prints the scope manifest of an application as tables, for review: every
 * endpoint with its HTTP method, path and decision, every generated client with its scopes,
 * every catalogue scope with its description. Programs read the same merged manifest with
 * {@link ScopeManifest#read(Path...)}.
 *
 * <pre>{@code
 * # every directory and jar on the class path
 * java -cp portcullis-runtime.jar:nimbus-jose-jwt.jar:my-app.jar dev.portcullis.internal.manifest.ScopeManifestCommand
 * # or named ones: classes directories, jars, single fragments
 * java -cp ... dev.portcullis.internal.manifest.ScopeManifestCommand target/classes other-api.jar
 * }</pre>
 *
 * <p>A fragment without its class file beside it, left behind by a build that deleted the
 * class, is left out with a warning. A type with fragments in two places is listed from the
 * first (named first, or first on the class path, where its class is loaded from), with a
 * warning when the two differ. Exits with status 1, saying why, when a named directory or jar
 * has no fragment or nothing is found to list.
 */
public final class ScopeManifestCommand {
  private static final String DIRECTORY = ScopeManifest.DIRECTORY;

  private ScopeManifestCommand() {}

  /**
   * Prints the manifest of the directories and jars named by {@code args}, or of the class path.
   *
   * @param args classes directories, jars or fragment files; none for the class path
   */
  public static void main(String[] args) {
    int status = print(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Prints the tables to {@code out} and warnings to {@code err}, as {@link #main} does, without
   * exiting.
   *
   * @param paths classes directories, jars or fragment files; none for the class path
   * @return the exit status: 0, or 1 when there was nothing to list or a location could not be
   *     read (said on {@code err})
   */
  public static int print(List<String> paths, PrintStream out, PrintStream err) {
    try {
      ManifestFragments fragments = new ManifestFragments();
      if (paths.isEmpty()
          && fragments.addClassPath(Thread.currentThread().getContextClassLoader()) == 0) {
        err.println("No " + DIRECTORY + " on the class path. Add the application's jar or"
            + " classes directory to -cp, or name it: ScopeManifestCommand target/classes");
        return 1;
      }
      for (String path : paths) {
        if (fragments.add(Path.of(path)) == 0) {
          err.println(path + " has no " + DIRECTORY
              + "; was it compiled with the Portcullis annotation processor?");
          return 1;
        }
      }
      fragments.warnings().forEach(err::println);
      if (fragments.sources().isEmpty()) {
        err.println("No scope manifest fragment is left to list.");
        return 1;
      }
      out.print(ManifestTables.render(fragments.sources(), fragments.merged()));
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("Cannot print the scope manifest: " + e.getMessage());
      return 1;
    }
  }
}
