package dev.portcullis.testapp;

import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An API that tells who called it: the downstream API of {@link OnBehalfResource}. */
@Path("/caller")
public interface CallerApi {
  @GET
  @RequiresToken
  String whoCalls();
}
