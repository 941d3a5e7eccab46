package warehouse;

import dev.portcullis.OAuthClient;

/** Needs no other scope: stock:admin implies stock:write and stock:read. */
@OAuthClient(name = "stock-admin", scopes = {WarehouseScopes.ADMIN, WarehouseScopes.AUDIT})
public interface StockAdminClient extends StockApi {}
