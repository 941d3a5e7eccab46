package shop.http;

import dev.portcullis.RequiresScope;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;

/** Requirements declared once on an API interface. */
public interface AdminApi {
  @DELETE
  @Path("all")
  @RequiresScope(value = {"orders:admin", "ops"}, match = ScopeMatch.ANY)
  String purge();
}
