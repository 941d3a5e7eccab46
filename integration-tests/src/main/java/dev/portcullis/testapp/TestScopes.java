package dev.portcullis.testapp;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/**
 * Every scope of the test application. Only the kinds scopes form a hierarchy, so that the
 * other tests see each scope on its own.
 */
@ScopeCatalogue
public interface TestScopes {
  @ScopeDescription("Read orders.")
  String ORDERS_READ = "orders:read";

  @ScopeDescription("Create orders.")
  String ORDERS_WRITE = "orders:write";

  @ScopeDescription("Delete orders.")
  String ORDERS_ADMIN = "orders:admin";

  @ScopeDescription("Operate the service.")
  String OPS = "ops";

  @ScopeDescription("Read audit records.")
  String AUDIT = "audit";

  @ScopeDescription("Read items.")
  String ITEMS_READ = "items:read";

  @ScopeDescription("Write notes.")
  String NOTES_WRITE = "notes:write";

  @ScopeDescription("Read kinds.")
  String KINDS_READ = "kinds:read";

  @ScopeDescription(value = "Write kinds; also allows reading them.", implies = KINDS_READ)
  String KINDS_WRITE = "kinds:write";

  @ScopeDescription(value = "Administer kinds; also allows writing and reading them.", implies = KINDS_WRITE)
  String KINDS_ADMIN = "kinds:admin";

  @ScopeDescription("Read the account.")
  String ACCOUNT_READ = "account:read";

  @ScopeDescription("Change the account.")
  String ACCOUNT_WRITE = "account:write";
}
