package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;

/** An API interface whose method a resource class overloads with a narrower parameter type. */
public interface LookupApi {
  /** What a lookup is by. */
  class Key {
    final String value;

    Key(String value) {
      this.value = value;
    }

    /** How JAX-RS reads a query parameter into a Key. */
    public static Key valueOf(String value) {
      return new Key(value);
    }
  }

  @GET
  @RequiresScope(TestScopes.ITEMS_READ)
  String find(@QueryParam("q") Key key);
}
