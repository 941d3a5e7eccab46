package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import dev.portcullis.ScopeMatch;
import java.util.List;

/** Declares a method that KindsResource inherits, with a generic parameter erased to List. */
public abstract class KindsBase {
  @RequiresScope(value = "kinds:read", match = ScopeMatch.ANY)
  public String inherited(List<String> names) {
    return "inherited " + names;
  }
}
