package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Overloads beside the methods of API interfaces, each with the class rule: create(Integer)
 * beside the generic create(T) it does not implement, and find(SpecialKey), whose parameter is
 * narrower than that of the find(Key) it does not override.
 */
@Path("/overloads")
@RequiresScope(TestScopes.AUDIT)
public class OverloadsResource implements CrudApi<String>, LookupApi {

  /** A narrower key. */
  public static final class SpecialKey extends Key {
    private SpecialKey(String value) {
      super(value);
    }

    /** How JAX-RS reads a query parameter into a SpecialKey. */
    public static SpecialKey valueOf(String value) {
      return new SpecialKey(value);
    }
  }

  @Override
  public String create(String body) {
    return "created " + body;
  }

  @POST
  @Path("count")
  @Consumes("text/plain")
  public String create(Integer count) {
    return "counted " + count;
  }

  @Override
  public String find(Key key) {
    return "found " + key.value;
  }

  @GET
  @Path("special")
  public String find(@QueryParam("q") SpecialKey key) {
    return "found special " + key.value;
  }
}
