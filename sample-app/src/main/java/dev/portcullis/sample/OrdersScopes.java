package dev.portcullis.sample;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/**
 * The scopes of the Orders API. The processor checks every scope in {@code @RequiresScope}
 * and {@code @OAuthClient} against this catalogue, and lists it in the scope manifest.
 */
@ScopeCatalogue
public interface OrdersScopes {
  @ScopeDescription("List and read orders.")
  String READ = "orders:read";

  @ScopeDescription(value = "Create orders; also allows reading them.", implies = READ)
  String WRITE = "orders:write";

  @ScopeDescription(value = "Delete orders; also allows creating and reading them.", implies = WRITE)
  String ADMIN = "orders:admin";
}
