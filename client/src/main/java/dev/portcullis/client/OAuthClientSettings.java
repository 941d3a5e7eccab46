package dev.portcullis.client;

import dev.portcullis.internal.settings.SettingNames;
import dev.portcullis.internal.settings.SettingsSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Everything a client needs to obtain tokens: where the authorization server is, who the client
 * is, how it authenticates, which grant it uses and how tokens are cached and retried.
 * Immutable; validated when built.
 *
 * <pre>{@code
 * OAuthClientSettings settings = OAuthClientSettings.builder("orders")
 *     .issuer("https://idp.example.com/realms/shop")
 *     .clientId("billing-service")
 *     .authentication(ClientAuthentication.clientSecretBasic(secret))
 *     .scopes("orders:read")
 *     .build();
 * }</pre>
 *
 * <p>A builder made with a client name fills every value not set in code from the system
 * property {@code portcullis.client.<name>.<key>}, else the environment variable {@code
 * PORTCULLIS_CLIENT_<NAME>_<KEY>} (upper case, {@code .} and {@code -} as {@code _}).
 * Missing or wrong settings throw {@link ClientConfigurationException} from {@link
 * Builder#build()}, naming the key. Durations are written {@code 250ms}, {@code 30s}, {@code
 * 5m}, {@code 1h} or in ISO-8601 ({@code PT30S}); lists are separated by spaces or commas.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>issuer</td><td>issuer URL for discovery</td><td>one of issuer and token-endpoint is
 *       required</td></tr>
 *   <tr><td>token-endpoint</td><td>token endpoint URL (skips discovery)</td><td></td></tr>
 *   <tr><td>authorization-endpoint</td><td>for authorization_code</td><td>discovered</td></tr>
 *   <tr><td>revocation-endpoint</td><td>for {@link TokenClient#revoke()} (RFC 7009)</td><td>discovered</td></tr>
 *   <tr><td>device-authorization-endpoint</td><td>for {@link Grant#deviceCode()} (RFC
 *       8628)</td><td>discovered</td></tr>
 *   <tr><td>client-id</td><td>client id</td><td>required</td></tr>
 *   <tr><td>client-auth</td><td>client_secret_basic, client_secret_post, client_secret_jwt,
 *       private_key_jwt, tls_client_auth, self_signed_tls_client_auth, none</td><td>client_secret_basic
 *       with a secret, private_key_jwt with a key, tls_client_auth with a TLS certificate, else
 *       none</td></tr>
 *   <tr><td>client-secret</td><td>client secret</td><td></td></tr>
 *   <tr><td>private-key</td><td>PEM or JWK file of the private key</td><td></td></tr>
 *   <tr><td>tls-certificate</td><td>PEM file of the TLS client certificate chain (RFC 8705)</td>
 *       <td></td></tr>
 *   <tr><td>tls-private-key</td><td>PEM file of its private key</td><td></td></tr>
 *   <tr><td>tls-keystore</td><td>PKCS#12 file with the client certificate and key, instead of
 *       the two above</td><td></td></tr>
 *   <tr><td>tls-keystore-password</td><td>its password</td><td>empty</td></tr>
 *   <tr><td>tls-trusted-certificates</td><td>PEM file of the CAs to trust instead of the
 *       JDK's</td><td>the JDK's</td></tr>
 *   <tr><td>key-id</td><td>{@code kid} of assertions</td><td>the JWK's, else none</td></tr>
 *   <tr><td>signing-algorithm</td><td>RS256, PS256, ES256</td><td>RS256 (RSA), ES256 (EC)</td>
 *       </tr>
 *   <tr><td>grant</td><td>client_credentials, refresh_token, authorization_code,
 *       token_exchange_for_caller ({@link Grant#tokenExchangeForCaller()}),
 *       device_code</td>
 *       <td>client_credentials</td></tr>
 *   <tr><td>refresh-token</td><td>for the refresh_token grant</td><td></td></tr>
 *   <tr><td>redirect-uri</td><td>for the authorization_code grant</td><td></td></tr>
 *   <tr><td>scopes</td><td>scopes to request</td><td>none</td></tr>
 *   <tr><td>audience</td><td>{@code audience} values to request</td><td>none</td></tr>
 *   <tr><td>resource</td><td>RFC 8707 {@code resource} URLs to request</td><td>none</td></tr>
 *   <tr><td>refresh-ahead</td><td>renew this long before expiry</td><td>60s</td></tr>
 *   <tr><td>default-lifetime</td><td>lifetime if {@code expires_in} is missing</td>
 *       <td>300s</td></tr>
 *   <tr><td>connect-timeout</td><td>token endpoint and discovery</td><td>5s</td></tr>
 *   <tr><td>read-timeout</td><td>token endpoint and discovery</td><td>10s</td></tr>
 *   <tr><td>max-attempts</td><td>attempts per token request on timeouts, 429, 5xx; refresh
 *       and authorization code requests only on connection failures and 429 or 503 with
 *       Retry-After</td><td>3</td></tr>
 *   <tr><td>retry-backoff</td><td>first backoff, doubled per attempt, with jitter</td>
 *       <td>200ms</td></tr>
 *   <tr><td>allow-insecure-http</td><td>allow http URLs beyond loopback addresses</td>
 *       <td>false</td></tr>
 *   <tr><td>dpop</td><td>DPoP-bound tokens (RFC 9449): proofs to the token endpoint and with
 *       every API call</td><td>true with a dpop-key, else false</td></tr>
 *   <tr><td>dpop-key</td><td>private JWK or RSA PEM file of the DPoP key</td><td>an EC P-256
 *       key generated per {@link TokenClient}</td></tr>
 * </table>
 *
 * <p>Other token exchange and JWT bearer grants take suppliers and are set in code only. The default
 * lifetime of 300 seconds is deliberately short: a server that omits {@code expires_in} is
 * asked again soon rather than trusted for long.
 */
public final class OAuthClientSettings {
  private final String name;
  private final URI issuer;
  private final URI tokenEndpoint;
  private final URI authorizationEndpoint;
  private final URI revocationEndpoint;
  private final URI deviceAuthorizationEndpoint;
  private final String clientId;
  private final ClientAuthentication authentication;
  private final ClientTls tls;
  private final Grant grant;
  private final Set<String> scopes;
  private final List<String> audiences;
  private final List<URI> resources;
  private final Duration refreshAhead;
  private final Duration defaultLifetime;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxAttempts;
  private final Duration retryBackoff;
  private final boolean allowInsecureHttp;
  private final boolean dpop;
  private final DpopKey dpopKey;
  private final Clock clock;
  private final Executor executor;

  OAuthClientSettings(SettingsResolution resolved) {
    this.name = resolved.name;
    this.issuer = resolved.issuer;
    this.tokenEndpoint = resolved.tokenEndpoint;
    this.authorizationEndpoint = resolved.authorizationEndpoint;
    this.revocationEndpoint = resolved.revocationEndpoint;
    this.deviceAuthorizationEndpoint = resolved.deviceAuthorizationEndpoint;
    this.clientId = resolved.clientId;
    this.authentication = resolved.authentication;
    this.tls = resolved.tls;
    this.grant = resolved.grant;
    this.scopes = Set.copyOf(resolved.scopes);
    this.audiences = List.copyOf(resolved.audiences);
    this.resources = List.copyOf(resolved.resources);
    this.refreshAhead = resolved.refreshAhead;
    this.defaultLifetime = resolved.defaultLifetime;
    this.connectTimeout = resolved.connectTimeout;
    this.readTimeout = resolved.readTimeout;
    this.maxAttempts = resolved.maxAttempts;
    this.retryBackoff = resolved.retryBackoff;
    this.allowInsecureHttp = resolved.allowInsecureHttp;
    this.dpop = resolved.dpop;
    this.dpopKey = resolved.dpopKey;
    this.clock = resolved.clock;
    this.executor = resolved.executor;
  }

  private OAuthClientSettings(OAuthClientSettings other, Set<String> scopes) {
    this.name = other.name;
    this.issuer = other.issuer;
    this.tokenEndpoint = other.tokenEndpoint;
    this.authorizationEndpoint = other.authorizationEndpoint;
    this.revocationEndpoint = other.revocationEndpoint;
    this.deviceAuthorizationEndpoint = other.deviceAuthorizationEndpoint;
    this.clientId = other.clientId;
    this.authentication = other.authentication;
    this.tls = other.tls;
    this.grant = other.grant;
    this.scopes = Set.copyOf(scopes);
    this.audiences = List.copyOf(other.audiences);
    this.resources = List.copyOf(other.resources);
    this.refreshAhead = other.refreshAhead;
    this.defaultLifetime = other.defaultLifetime;
    this.connectTimeout = other.connectTimeout;
    this.readTimeout = other.readTimeout;
    this.maxAttempts = other.maxAttempts;
    this.retryBackoff = other.retryBackoff;
    this.allowInsecureHttp = other.allowInsecureHttp;
    this.dpop = other.dpop;
    this.dpopKey = other.dpopKey;
    this.clock = other.clock;
    this.executor = other.executor;
  }

  /**
   * These settings, requesting {@code scopes} instead: for the scopes a generated client's
   * {@code @OAuthClient} annotation names, for example.
   *
   * @throws ClientConfigurationException if a scope is not a valid scope token
   */
  public OAuthClientSettings withScopes(Collection<String> scopes) {
    Set<String> requested = Set.copyOf(scopes);
    SettingsResolution.requireScopeTokens(requested, SettingsResolution.client(name));
    return new OAuthClientSettings(this, requested);
  }

  /** A builder that takes every value from code only. */
  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder for the client {@code name}; values not set in code come from configuration. */
  public static Builder builder(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      throw new ClientConfigurationException("The client name \"" + name + "\" is not valid."
          + " Use letters, digits, '-' and '_', starting with a letter or digit.");
    }
    return new Builder(name);
  }

  /** The settings of client {@code name} from system properties and environment only. */
  public static OAuthClientSettings fromConfiguration(String name) {
    return builder(name).build();
  }

  /** The client name used for configuration keys and messages, if any. */
  public Optional<String> name() { return Optional.ofNullable(name); }
  /** The issuer to discover endpoints from, if no token endpoint was given. */
  public Optional<URI> issuer() { return Optional.ofNullable(issuer); }
  /** The configured token endpoint, if any; otherwise it is discovered from the issuer. */
  public Optional<URI> tokenEndpoint() { return Optional.ofNullable(tokenEndpoint); }
  /** The configured authorization endpoint, if any; otherwise discovered from the issuer. */
  public Optional<URI> authorizationEndpoint() {
    return Optional.ofNullable(authorizationEndpoint);
  }
  /** The configured RFC 7009 revocation endpoint, if any; otherwise discovered from the issuer. */
  public Optional<URI> revocationEndpoint() {
    return Optional.ofNullable(revocationEndpoint);
  }
  /**
   * The configured RFC 8628 device authorization endpoint, if any; otherwise discovered from
   * the issuer ({@code device_authorization_endpoint}).
   */
  public Optional<URI> deviceAuthorizationEndpoint() {
    return Optional.ofNullable(deviceAuthorizationEndpoint);
  }
  /** The client id. */
  public String clientId() { return clientId; }
  /** How the client authenticates. */
  public ClientAuthentication authentication() { return authentication; }
  /**
   * The client's mutual TLS (RFC 8705): the certificate it presents to the authorization server
   * and, through {@link OAuthClients}' default JAX-RS client, to the API; empty when it has none.
   */
  public Optional<ClientTls> tls() { return Optional.ofNullable(tls); }
  /** The grant used to obtain tokens. */
  public Grant grant() { return grant; }
  /** The scopes requested by default; empty to let the authorization server decide. */
  public Set<String> scopes() { return scopes; }
  /** Audiences requested (RFC 8693 {@code audience}); empty for none. */
  public List<String> audiences() { return audiences; }
  /** Resource indicators requested (RFC 8707 {@code resource}); empty for none. */
  public List<URI> resources() { return resources; }
  /** How long before expiry a token is renewed. */
  public Duration refreshAhead() { return refreshAhead; }
  /** The lifetime assumed when a token response has no {@code expires_in}. */
  public Duration defaultLifetime() { return defaultLifetime; }
  /** Connect timeout for the token endpoint and discovery. */
  public Duration connectTimeout() { return connectTimeout; }
  /** Read timeout for the token endpoint and discovery. */
  public Duration readTimeout() { return readTimeout; }
  /** Attempts per token request, including the first, for timeouts and 5xx answers. */
  public int maxAttempts() { return maxAttempts; }
  /** Backoff before the second attempt; doubled for each further attempt, with jitter. */
  public Duration retryBackoff() { return retryBackoff; }

  /** Whether plain-HTTP authorization server URLs are allowed beyond loopback addresses. */
  public boolean allowInsecureHttp() { return allowInsecureHttp; }

  /**
   * Whether the client asks for DPoP-bound tokens (RFC 9449): its token requests and API calls
   * carry proofs signed by its {@link DpopKey}, and it accepts only tokens of type {@code DPoP}.
   */
  public boolean dpop() { return dpop; }

  /**
   * The configured DPoP key, shared by every {@link TokenClient} of these settings; empty when
   * each token client generates its own (or DPoP is off).
   */
  public Optional<DpopKey> dpopKey() { return Optional.ofNullable(dpopKey); }

  Clock clock() { return clock; }

  Executor executor() { return executor; }

  @Override
  public String toString() {
    return "OAuthClientSettings[name=" + name + ", issuer=" + issuer + ", tokenEndpoint="
        + tokenEndpoint + ", clientId=" + clientId + ", authentication=" + authentication
        + (tls != null ? ", tls=" + tls : "")
        + ", grant=" + grant + ", scopes=" + new TreeSet<>(scopes) + ", audiences=" + audiences
        + ", resources=" + resources + ", refreshAhead=" + refreshAhead + ", defaultLifetime="
        + defaultLifetime + ", maxAttempts=" + maxAttempts
        + (dpop ? ", dpop=" + (dpopKey == null ? "generated key" : dpopKey) : "") + "]";
  }

  /**
   * Builds {@link OAuthClientSettings}. Values set here win over system properties, which win
   * over environment variables.
   */
  public static final class Builder {
    final String name;
    URI issuer;
    URI tokenEndpoint;
    URI authorizationEndpoint;
    URI revocationEndpoint;
    URI deviceAuthorizationEndpoint;
    String clientId;
    ClientAuthentication authentication;
    ClientTls tls;
    Grant grant;
    Set<String> scopes;
    List<String> audiences;
    List<URI> resources;
    Duration refreshAhead;
    Duration defaultLifetime;
    Duration connectTimeout;
    Duration readTimeout;
    Integer maxAttempts;
    Duration retryBackoff;
    Boolean allowInsecureHttp;
    Boolean dpop;
    DpopKey dpopKey;
    Clock clock = Clock.systemUTC();
    Executor executor;
    private SettingsSource settings = SettingsSource.ofProcess();

    private Builder(String name) {
      this.name = name;
    }

    /** The issuer; endpoints are discovered from its OIDC or RFC 8414 metadata. */
    public Builder issuer(String issuer) {
      this.issuer = ClientConfiguration.parseUri(issuer, "the issuer");
      return this;
    }

    /** The token endpoint, skipping discovery. */
    public Builder tokenEndpoint(String tokenEndpoint) {
      this.tokenEndpoint = ClientConfiguration.parseUri(tokenEndpoint, "the token endpoint");
      return this;
    }

    /** The authorization endpoint for the authorization code grant, skipping discovery. */
    public Builder authorizationEndpoint(String endpoint) {
      this.authorizationEndpoint = ClientConfiguration.parseUri(endpoint,
          "the authorization endpoint");
      return this;
    }

    /** The RFC 7009 token revocation endpoint, for {@link TokenClient#revoke()}, skipping discovery. */
    public Builder revocationEndpoint(String endpoint) {
      this.revocationEndpoint = ClientConfiguration.parseUri(endpoint, "the revocation endpoint");
      return this;
    }

    /**
     * The RFC 8628 device authorization endpoint, for {@link Grant#deviceCode()}, skipping
     * discovery.
     */
    public Builder deviceAuthorizationEndpoint(String endpoint) {
      this.deviceAuthorizationEndpoint = ClientConfiguration.parseUri(endpoint,
          "the device authorization endpoint");
      return this;
    }

    /** The client id registered at the authorization server. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /** How the client authenticates; see {@link ClientAuthentication}. */
    public Builder authentication(ClientAuthentication authentication) {
      this.authentication = Objects.requireNonNull(authentication, "authentication");
      return this;
    }

    /** The grant; {@link Grant#clientCredentials()} unless set. */
    public Builder grant(Grant grant) {
      this.grant = Objects.requireNonNull(grant, "grant");
      return this;
    }

    /** The scopes to request. */
    public Builder scopes(String... scopes) {
      return scopes(List.of(scopes));
    }

    /** The scopes to request. */
    public Builder scopes(Collection<String> scopes) {
      this.scopes = Set.copyOf(scopes);
      return this;
    }

    /** Audiences to request ({@code audience} parameter). */
    public Builder audiences(String... audiences) {
      this.audiences = List.of(audiences);
      return this;
    }

    /** Resource indicators to request ({@code resource} parameter, RFC 8707). */
    public Builder resources(URI... resources) {
      this.resources = List.of(resources);
      return this;
    }

    /** Renew tokens this long before they expire; default 60 seconds. */
    public Builder refreshAhead(Duration refreshAhead) {
      this.refreshAhead = refreshAhead;
      return this;
    }

    /** Lifetime assumed when {@code expires_in} is missing; default 300 seconds. */
    public Builder defaultLifetime(Duration defaultLifetime) {
      this.defaultLifetime = defaultLifetime;
      return this;
    }

    /** Connect timeout for the token endpoint and discovery; default 5 seconds. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Read timeout for the token endpoint and discovery; default 10 seconds. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** Attempts per token request (default 3) and the first backoff (default 200 ms). */
    public Builder retry(int maxAttempts, Duration initialBackoff) {
      this.maxAttempts = maxAttempts;
      this.retryBackoff = initialBackoff;
      return this;
    }

    /**
     * Allows plain-HTTP authorization server URLs on other hosts than this machine; default
     * false. Loopback addresses are always allowed, for development servers.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * The client certificate and key presented on every TLS connection (RFC 8705 mutual TLS):
     * to the token endpoint (then its {@code mtls_endpoint_aliases} are used, when the issuer's
     * metadata has them) and, with {@link OAuthClients}' default JAX-RS client, to the API, so
     * that certificate-bound tokens work. Needed by {@link ClientAuthentication#tlsClientAuth()}
     * and {@link ClientAuthentication#selfSignedTlsClientAuth()}; otherwise configured by the
     * keys {@code tls-certificate} and {@code tls-private-key}, or {@code tls-keystore} and
     * {@code tls-keystore-password}, with {@code tls-trusted-certificates}.
     */
    public Builder tls(ClientTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Asks for DPoP-bound tokens (RFC 9449) when true: every token request, refresh included,
     * carries a proof of the client's key, only tokens of type {@code DPoP} are accepted, and
     * every API call of a generated client (or {@link BearerTokenFilter}) carries a fresh proof
     * with the token's hash. Without {@link #dpopKey(DpopKey)} each {@link TokenClient}
     * generates its own EC P-256 key. Default false.
     */
    public Builder dpop(boolean dpop) {
      this.dpop = dpop;
      return this;
    }

    /**
     * The DPoP key, instead of one generated per {@link TokenClient}; turns {@link #dpop(boolean)}
     * on unless it was set to false.
     */
    public Builder dpopKey(DpopKey key) {
      this.dpopKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The clock used for expiry and assertions; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where {@link TokenClient#tokenAsync()} makes token requests, so that the calling thread
     * does not wait for the authorization server; a request blocks its thread until it is
     * answered or has failed after the retries. By default a pool shared by every client: at
     * most 32 daemon threads named {@code portcullis-token-<n>}, started when needed and ended
     * after 60 idle seconds, so it never keeps the JVM from exiting and needs no closing.
     * Closing an executor given here is up to you; a token request it refuses fails with
     * {@link TokenAcquisitionException}.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    Builder configurationSources(Function<String, String> properties,
        Map<String, String> environment) {
      this.settings = new SettingsSource(properties, environment);
      return this;
    }

    /**
     * The validated settings.
     *
     * @throws ClientConfigurationException naming the key of the first missing or wrong value
     */
    public OAuthClientSettings build() {
      SettingNames.warnAboutUnknown();
      return new OAuthClientSettings(new SettingsResolution(this,
          new ClientConfiguration(name, settings)));
    }
  }
}
