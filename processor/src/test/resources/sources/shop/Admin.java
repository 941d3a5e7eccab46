package shop;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

public final class Admin {
  private Admin() {}

  @Path("/admin/users")
  @RequiresScope("admin")
  public static class Users {
    @GET
    public String list() {
      return "[]";
    }

    @GET
    @Path("{name}")
    public String get(String[] names) {
      return "{}";
    }
  }
}
