package shop;

import dev.portcullis.Dpop;
import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

@Path("/account")
@RequiresScope(value = "account:read", acr = {"mfa", "phr"})
public class AccountResource {
  @GET
  public String show() {
    return "account";
  }

  @PUT
  @RequiresScope(value = "account:write", acr = "phr", maxAge = 300)
  public void change(String account) {}

  @DELETE
  @RequiresToken(maxAge = 60)
  public void close() {}

  @GET
  @Path("plain")
  @RequiresToken
  public String plain() {
    return "plain";
  }

  @POST
  @Path("payments")
  @RequiresScope(value = "account:write", dpop = Dpop.REQUIRED)
  public void pay(String payment) {}

  @GET
  @Path("keys")
  @RequiresToken(maxAge = 600, dpop = Dpop.ALLOWED)
  public String keys() {
    return "keys";
  }

  @GET
  @Path("terms")
  @Public
  public String terms() {
    return "terms";
  }
}
