package dev.portcullis.testapp;

import dev.portcullis.Public;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Calls {@link CallerApi} through a {@link CallerClient} whose grant is the token exchange for
 * the caller: the protected method on its caller's behalf, the public one without a caller.
 * Each answer ends with the name of the thread that served it.
 */
@Path("/on-behalf")
public class OnBehalfResource {
  private static volatile CallerClient downstream;

  /** The client every instance calls {@link CallerApi} with. */
  public static void callWith(CallerClient client) {
    downstream = client;
  }

  @GET
  @RequiresToken
  public String forward() {
    return downstream.whoCalls() + "\nthread=" + Thread.currentThread().getName();
  }

  @GET
  @Path("public")
  @Public
  public String withoutCaller() {
    String answer;
    try {
      answer = "answered " + downstream.whoCalls();
    } catch (RuntimeException e) {
      answer = "refused " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return answer + "\nthread=" + Thread.currentThread().getName();
  }
}
