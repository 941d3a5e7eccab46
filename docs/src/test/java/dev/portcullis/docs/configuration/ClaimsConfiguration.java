package dev.portcullis.docs.configuration;

import dev.portcullis.PortcullisConfig;
import java.util.Optional;

/** Scopes and roles from other claims, and a rule of one's own, as docs/configuration.md shows. */
final class ClaimsConfiguration {
  static PortcullisConfig keycloak() {
    // tag::claims[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")
        .audience("orders-api")
        .scopeClaims("scope", "realm_access/roles")      // @RequiresScope("orders-admin") works
        .roleClaims("resource_access/orders-api/roles")  // isUserInRole("reader") works
        .validator(token -> "shop-frontend".equals(token.claims().get("azp"))
            ? Optional.empty()
            : Optional.of("This API accepts tokens obtained by the shop frontend only."))
        .build();
    // end::claims[]
  }

  private ClaimsConfiguration() {}
}
