package dev.portcullis;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of several authorization servers whose tokens an API accepts, with what may differ
 * between them: the audience, where the keys are, and which claims hold scopes and roles.
 * Everything not set here comes from the {@link PortcullisConfig} it is added to.
 *
 * <pre>{@code
 * PortcullisConfig.builder()
 *     .audience("orders-api")                                        // common to all issuers
 *     .trustedIssuer(TrustedIssuer.builder("https://sso.example.com/realms/staff")
 *         .scopeClaims("scope", "realm_access/roles").build())
 *     .trustedIssuer(TrustedIssuer.builder("https://login.microsoftonline.com/<tenant>/v2.0")
 *         .audience("api://orders").scopeClaims("scp", "roles").build())
 *     .build();
 * }</pre>
 *
 * <p>A token's {@code iss} claim selects its issuer among those configured, and only there:
 * keys are never looked up at a URL a token names. A token from any other issuer is refused
 * ({@code invalid_token}). Each issuer's keys are fetched, cached and refreshed on their own,
 * so one issuer's outage never holds up another's tokens. Immutable.
 */
public final class TrustedIssuer {
  private final URI issuer;
  private final URI jwksUri;
  private final String audience;
  private final List<String> scopeClaims;
  private final List<String> roleClaims;

  TrustedIssuer(URI issuer, URI jwksUri, String audience, List<String> scopeClaims, List<String> roleClaims) {
    this.issuer = issuer;
    this.jwksUri = jwksUri;
    this.audience = audience;
    this.scopeClaims = scopeClaims == null ? null : List.copyOf(scopeClaims);
    this.roleClaims = roleClaims == null ? null : List.copyOf(roleClaims);
  }

  /** A trusted issuer with the issuer URL {@code issuer}, exactly as its tokens' {@code iss}. */
  public static Builder builder(String issuer) {
    return new Builder(Objects.requireNonNull(issuer, "issuer"));
  }

  /**
   * The issuer URL; empty only for the one issuer of a configuration that accepts any {@code
   * iss} ({@code accept-any-issuer}).
   */
  public Optional<URI> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** Where its keys are, if set; otherwise they are found through its metadata. */
  public Optional<URI> jwksUri() {
    return Optional.ofNullable(jwksUri);
  }

  /** The audience its tokens must carry, if set here; otherwise the configuration's. */
  public Optional<String> audience() {
    return Optional.ofNullable(audience);
  }

  /** The claims holding the scopes, if set here; otherwise the configuration's. */
  public Optional<List<String>> scopeClaims() {
    return Optional.ofNullable(scopeClaims);
  }

  /** The claims holding the roles, if set here; otherwise the configuration's. */
  public Optional<List<String>> roleClaims() {
    return Optional.ofNullable(roleClaims);
  }

  /** This issuer with every unset value taken from {@code config}'s settings. */
  TrustedIssuer resolved(String commonAudience, List<String> commonScopeClaims, List<String> commonRoleClaims) {
    List<String> scopes = scopeClaims != null ? scopeClaims : commonScopeClaims;
    List<String> roles = roleClaims != null ? roleClaims
        : scopeClaims != null && commonRoleClaims.equals(commonScopeClaims) ? scopes : commonRoleClaims;
    return new TrustedIssuer(issuer, jwksUri, audience != null ? audience : commonAudience, scopes, roles);
  }

  @Override
  public String toString() {
    return "TrustedIssuer{issuer=" + issuer + ", jwksUri=" + jwksUri + ", audience=" + audience
        + ", scopeClaims=" + scopeClaims + ", roleClaims=" + roleClaims + "}";
  }

  /** Builds a {@link TrustedIssuer}; what is not set comes from the configuration. */
  public static final class Builder {
    private final String issuer;
    private URI jwksUri;
    private String audience;
    private List<String> scopeClaims;
    private List<String> roleClaims;

    private Builder(String issuer) {
      this.issuer = issuer;
    }

    /** Its JWKS URL, skipping discovery. */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
      return this;
    }

    /** The audience its tokens must carry, instead of the configuration's. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /** The claims holding its tokens' scopes, as {@link PortcullisConfig.Builder#scopeClaims}. */
    public Builder scopeClaims(String... paths) {
      this.scopeClaims = List.of(paths);
      return this;
    }

    /** The claims holding its tokens' roles, as {@link PortcullisConfig.Builder#roleClaims}. */
    public Builder roleClaims(String... paths) {
      this.roleClaims = List.of(paths);
      return this;
    }

    /**
     * The trusted issuer.
     *
     * @throws PortcullisConfigException if the issuer is not an absolute http(s) URL; whether
     *     plain http is allowed is checked when the configuration is built, as for {@code issuer}
     */
    public TrustedIssuer build() {
      return new TrustedIssuer(ConfigValues.parseUrl("issuers", issuer, true), jwksUri, audience, scopeClaims,
          roleClaims);
    }
  }
}
