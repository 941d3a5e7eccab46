package dev.portcullis.test.shop;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every kind of rule: a class-level scope, a method-level one, all of two scopes, any of two,
 * any valid token, public; a body the check does not send; a sub-resource locator.
 */
@Path("/orders")
@RequiresScope(ShopScopes.READ)
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {
  @GET
  public String list() {
    return "1 2 3";
  }

  @GET
  @Path("/{id}")
  public String get(@PathParam("id") String id) {
    if (!id.equals("1")) {
      throw new NotFoundException();
    }
    return "order " + id;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope(ShopScopes.WRITE)
  public Response create(String order) {
    if (order == null || order.isBlank()) {
      return Response.status(Response.Status.BAD_REQUEST).build();
    }
    return Response.status(Response.Status.CREATED).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.TEXT_PLAIN)
  @RequiresScope(value = {ShopScopes.WRITE, ShopScopes.AUDIT}, match = ScopeMatch.ANY)
  public String replace(@PathParam("id") String id, String order) {
    return "replaced " + id;
  }

  @DELETE
  @Path("/{id}")
  @RequiresScope({ShopScopes.ADMIN, ShopScopes.AUDIT})
  public void delete(@PathParam("id") String id) {
  }

  @GET
  @Path("/count")
  @RequiresToken
  public String count() {
    return "3";
  }

  @GET
  @Path("/ping")
  @Public
  public String ping() {
    return "pong";
  }

  /** Its endpoints are listed without this locator's path, so the check leaves them out. */
  @Path("/{id}/lines")
  public LinesResource lines(@PathParam("id") String id) {
    return new LinesResource();
  }
}
