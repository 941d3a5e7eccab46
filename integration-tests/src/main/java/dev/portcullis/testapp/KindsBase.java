package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Declares a resource method that KindsResource inherits, with a type-variable parameter erased to Object. */
public abstract class KindsBase<T> {
  @POST
  @Path("inherited")
  @Consumes("text/plain")
  @RequiresScope(value = TestScopes.KINDS_READ, match = ScopeMatch.ANY)
  public String inherited(T body) {
    return "inherited " + body;
  }
}
