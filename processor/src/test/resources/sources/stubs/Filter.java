package stubs;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A parameter bean with every way a property can be read: a public field, a getter, an
 * {@code is} getter for a boolean, a property annotated on its setter, and members that are no
 * part of a request.
 */
public class Filter {
  @QueryParam("q")
  public String text;

  @QueryParam("tag")
  private List<String> tags;

  @QueryParam("archived")
  @DefaultValue("false")
  private boolean archived;

  private String tenant;

  @CookieParam("session")
  private String session;

  @MatrixParam("v")
  @DefaultValue("1")
  private Integer version;

  @Context private UriInfo uriInfo;

  private static final String UNUSED = "unused";

  public List<String> getTags() {
    return tags;
  }

  public boolean isArchived() {
    return archived;
  }

  public String getTenant() {
    return tenant;
  }

  @HeaderParam("X-Tenant")
  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getSession() {
    return session;
  }

  public Integer getVersion() {
    return version;
  }
}
