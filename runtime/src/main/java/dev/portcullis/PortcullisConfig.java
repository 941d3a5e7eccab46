package dev.portcullis;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * How bearer tokens are verified. SKELETON: the runtime issue replaces this body.
 *
 * <pre>{@code
 * PortcullisConfig config = PortcullisConfig.builder()
 *     .issuer("https://idp.example.com/realms/shop")
 *     .audience("orders-api")
 *     .build();
 * }</pre>
 */
public final class PortcullisConfig {
  private PortcullisConfig() {}

  /** A builder; values not set in code come from system properties, then the environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration from system properties and environment variables only. */
  public static PortcullisConfig fromEnvironment() {
    return builder().build();
  }

  /** Builds a {@link PortcullisConfig}. */
  public static final class Builder {
    private Builder() {}

    public Builder issuer(String issuer) { return this; }
    public Builder audience(String audience) { return this; }
    public Builder jwksUri(URI jwksUri) { return this; }
    public Builder clockSkew(Duration skew) { return this; }
    public Builder algorithms(Set<String> algorithms) { return this; }
    public Builder realm(String realm) { return this; }
    public Builder strictTokenType(boolean strict) { return this; }
    public Builder allowInsecureHttp(boolean allow) { return this; }
    public Builder scopeInChallenge(boolean include) { return this; }

    public PortcullisConfig build() {
      return new PortcullisConfig();
    }
  }
}
