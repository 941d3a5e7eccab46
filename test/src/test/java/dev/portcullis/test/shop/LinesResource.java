package dev.portcullis.test.shop;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource: the manifest lists its GET at {@code ""}, without the locator's path. */
@Produces(MediaType.TEXT_PLAIN)
public class LinesResource {
  @GET
  @RequiresScope(ShopScopes.READ)
  public String lines() {
    return "tea, cups";
  }
}
