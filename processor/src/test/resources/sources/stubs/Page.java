package stubs;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** A second parameter bean, to combine with the first in one method. */
public class Page {
  @QueryParam("offset")
  @DefaultValue("0")
  private int offset;

  @QueryParam("limit")
  @DefaultValue("50")
  private int limit;

  public int getOffset() {
    return offset;
  }

  public int getLimit() {
    return limit;
  }
}
