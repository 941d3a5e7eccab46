package dev.portcullis.testapp;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;

/**
 * Never served: its methods take every kind of parameter type a binding file names (primitive,
 * array, nested class, inherited generic), and it has all three decisions.
 */
@RequiresToken
public class KindsResource extends KindsBase {

  /** A nested class, named {@code KindsResource$Inner}, with a binding file of its own. */
  @RequiresToken
  public static class Inner {
    public String get() {
      return "inner";
    }
  }

  @RequiresScope({"kinds:write", "audit"})
  public String search(int limit, String[] tags, Inner inner) {
    return "found";
  }

  @Public
  public String health() {
    return "ok";
  }

  public String me(long[][] ids, boolean verbose) {
    return "me";
  }
}
