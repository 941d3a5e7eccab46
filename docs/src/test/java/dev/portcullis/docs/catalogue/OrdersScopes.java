package dev.portcullis.docs.catalogue;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/** The catalogue docs/compile-time-checks.md shows. */
// tag::catalogue[]
@ScopeCatalogue
public interface OrdersScopes {
  @ScopeDescription("List and read orders.")
  String READ = "orders:read";

  @ScopeDescription(value = "Create orders; also allows reading them.", implies = READ)
  String WRITE = "orders:write";

  @ScopeDescription(value = "Delete orders; also allows creating and reading them.", implies = WRITE)
  String ADMIN = "orders:admin";
}
// end::catalogue[]
