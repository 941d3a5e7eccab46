package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Class-level scope with method overrides; its filter is {@code OrdersResource_PortcullisFilter}. */
@Path("/orders")
@RequiresScope("orders:read")
public class OrdersResource {
  @GET
  public String list() {
    return "orders";
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return "order " + id;
  }

  @POST
  @RequiresScope("orders:write")
  public String create(String body) {
    return "created";
  }

  @DELETE
  @Path("{id}")
  @RequiresScope(value = {"orders:admin", "ops"}, match = ScopeMatch.ANY)
  public String delete(@PathParam("id") String id) {
    return "deleted " + id;
  }

  @GET
  @Path("audit")
  @RequiresScope({"orders:read", "audit"})
  public String audit() {
    return "audit";
  }

  @POST
  @Path("search")
  @Consumes("application/x-www-form-urlencoded")
  public String search(@FormParam("q") String query) {
    return "search " + query;
  }

  @GET
  @Path("count")
  @RequiresToken
  public String count() {
    return "3";
  }
}
