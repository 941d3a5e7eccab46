package warehouse;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/** The scopes of the warehouse API. */
@ScopeCatalogue
public interface WarehouseScopes {
  @ScopeDescription("Read stock levels.")
  String READ = "stock:read";

  @ScopeDescription(value = "Change stock levels.", implies = READ)
  String WRITE = "stock:write";

  @ScopeDescription(value = "Everything, including deleting items.", implies = WRITE)
  String ADMIN = "stock:admin";

  @ScopeDescription("Write audit records; caf\u00e9 \"quoted\".")
  String AUDIT = "audit";
}
