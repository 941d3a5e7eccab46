package dev.portcullis.test.shop;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/** The scopes of the shop the conformance check is tried on, with a hierarchy. */
@ScopeCatalogue
public interface ShopScopes {
  @ScopeDescription("List and read orders.")
  String READ = "orders:read";

  @ScopeDescription(value = "Create and change orders; also allows reading them.", implies = READ)
  String WRITE = "orders:write";

  @ScopeDescription(value = "Delete orders; also allows creating, changing and reading them.", implies = WRITE)
  String ADMIN = "orders:admin";

  @ScopeDescription("Leave a trace in the audit log.")
  String AUDIT = "audit";
}
