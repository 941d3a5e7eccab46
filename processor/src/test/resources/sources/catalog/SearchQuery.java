package catalog;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** A parameter bean: a private field read through its getter, and a public field. */
public class SearchQuery {
  @QueryParam("q")
  private String text;

  @HeaderParam("X-Page")
  @DefaultValue("1")
  private Integer page;

  @QueryParam("tag")
  public List<String> tags;

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Integer getPage() {
    return page;
  }

  public void setPage(Integer page) {
    this.page = page;
  }
}
