package dev.portcullis.docs;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/**
 * The scopes the examples use beyond the Orders catalogue. The examples are compiled together,
 * and once one catalogue takes part in a compilation every scope must be declared by one.
 */
@ScopeCatalogue
public interface ExampleScopes {
  @ScopeDescription("Operations staff.")
  String OPS = "ops";

  @ScopeDescription("Read stock levels.")
  String STOCK_READ = "stock:read";
}
