package dev.portcullis;

import dev.portcullis.internal.introspection.IntrospectionSettings;
import dev.portcullis.internal.keys.TrustedAuthorities;
import dev.portcullis.internal.settings.SettingsSource;
import dev.portcullis.internal.verification.ClaimPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * How bearer tokens are verified and how errors are answered.
 *
 * <pre>{@code
 * PortcullisConfig config = PortcullisConfig.builder()
 *     .issuer("https://idp.example.com/realms/shop")
 *     .audience("orders-api")
 *     .resource(URI.create("https://api.example.com"))
 *     .build();
 * }</pre>
 *
 * <p>{@link #builder()} takes values from code only. {@link #fromEnvironment()} and {@link
 * #builderFromEnvironment()} read every value not set in code from the system property {@code
 * portcullis.<key>}, then from the environment variable {@code PORTCULLIS_<KEY>} (upper case,
 * {@code .} and {@code -} replaced by {@code _}). Keys and defaults:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>issuer</td><td>none</td><td>the authorization server's issuer URL; tokens'
 *       {@code iss} must equal it and keys are found through its metadata</td></tr>
 *   <tr><td>issuers</td><td>none</td><td>instead of issuer, several issuer URLs,
 *       comma-separated; a token's {@code iss} selects one, each with its own keys (see
 *       {@link TrustedIssuer} for what else may differ between them)</td></tr>
 *   <tr><td>jwks-uri</td><td>none</td><td>the JWKS URL; skips discovery. Give issuer too, so
 *       that {@code iss} is still checked</td></tr>
 *   <tr><td>accept-any-issuer</td><td>false</td><td>with only jwks-uri, accept any {@code iss};
 *       without it an issuer is required</td></tr>
 *   <tr><td>audience</td><td>required</td><td>a value tokens' {@code aud} must contain</td></tr>
 *   <tr><td>clock-skew</td><td>60s</td><td>tolerance for {@code exp} and {@code nbf}</td></tr>
 *   <tr><td>algorithms</td><td>RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512,EdDSA,
 *       Ed25519</td><td>accepted JWS algorithms; {@code none} and HMAC are never accepted; EdDSA
 *       with Ed25519 keys only</td></tr>
 *   <tr><td>realm</td><td>the audience</td><td>the realm in {@code WWW-Authenticate}</td></tr>
 *   <tr><td>strict-token-type</td><td>false</td><td>accept only {@code typ: at+jwt}
 *       (RFC 9068); otherwise {@code JWT} and no {@code typ} pass too</td></tr>
 *   <tr><td>allow-insecure-http</td><td>false</td><td>allow plain http URLs to hosts that
 *       are not loopback</td></tr>
 *   <tr><td>scope-in-challenge</td><td>true</td><td>name the required scopes in 403
 *       answers</td></tr>
 *   <tr><td>http-timeout</td><td>5s</td><td>connect and read timeout for discovery and
 *       key fetches</td></tr>
 *   <tr><td>tls-trusted-certificates</td><td>the JDK's</td><td>PEM file of the authorities
 *       the issuers' metadata and key set fetches trust, and the introspection calls unless
 *       introspection-tls-trusted-certificates is set: for an identity provider with a private
 *       CA</td></tr>
 *   <tr><td>token-cache-size</td><td>10000</td><td>how many verified tokens are remembered
 *       so that a repeated token skips the signature check ({@code exp} and {@code nbf} are
 *       still checked on every use); {@code 0} turns the cache off</td></tr>
 *   <tr><td>max-token-size</td><td>8192</td><td>tokens longer than this many bytes are
 *       refused unread ({@code invalid_token})</td></tr>
 *   <tr><td>resource-metadata</td><td>true when resource is set</td><td>serve RFC 9728
 *       {@code /.well-known/oauth-protected-resource} and name it in challenges</td></tr>
 *   <tr><td>resource</td><td>none</td><td>this API's public base URL, the resource identifier
 *       in that metadata; without it no metadata is served, since the request's
 *       {@code Host} cannot be trusted</td></tr>
 *   <tr><td>resource-name</td><td>none</td><td>its {@code resource_name}</td></tr>
 *   <tr><td>resource-documentation</td><td>none</td><td>its {@code resource_documentation}</td></tr>
 *   <tr><td>scope-claims</td><td>scope,scp</td><td>the claims whose values are the scopes
 *       {@code @RequiresScope} checks; nested claims joined by {@code /}, as in {@code
 *       realm_access/roles}</td></tr>
 *   <tr><td>role-claims</td><td>the scope claims</td><td>the claims whose values are the
 *       roles {@code SecurityContext.isUserInRole} answers</td></tr>
 *   <tr><td>introspection-client-id</td><td>none</td><td>turns introspection (RFC 7662) on:
 *       this API's client id at the introspection endpoint; needs portcullis-client</td></tr>
 *   <tr><td>introspection-client-secret</td><td>none</td><td>its client secret</td></tr>
 *   <tr><td>introspection-client-auth</td><td>client_secret_basic, private_key_jwt with a
 *       key, tls_client_auth with a certificate</td><td>client_secret_basic, client_secret_post,
 *       client_secret_jwt, private_key_jwt, tls_client_auth or self_signed_tls_client_auth</td></tr>
 *   <tr><td>introspection-private-key</td><td>none</td><td>PEM or JWK file of the key for
 *       private_key_jwt</td></tr>
 *   <tr><td>introspection-key-id</td><td>the JWK's</td><td>{@code kid} of its assertions</td></tr>
 *   <tr><td>introspection-tls-certificate</td><td>none</td><td>PEM file of the certificate
 *       chain the introspection calls present (mutual TLS, RFC 8705)</td></tr>
 *   <tr><td>introspection-tls-private-key</td><td>none</td><td>PEM file of its private
 *       key</td></tr>
 *   <tr><td>introspection-tls-keystore</td><td>none</td><td>PKCS#12 key store with the
 *       certificate and key, instead of the PEM files</td></tr>
 *   <tr><td>introspection-tls-keystore-password</td><td>empty</td><td>its password</td></tr>
 *   <tr><td>introspection-tls-trusted-certificates</td><td>tls-trusted-certificates, else the
 *       JDK's</td><td>PEM file of the authorities the introspection calls trust</td></tr>
 *   <tr><td>introspection-endpoint</td><td>the issuer's {@code introspection_endpoint}</td>
 *       <td>the introspection endpoint URL</td></tr>
 *   <tr><td>introspection-cache-ttl</td><td>60s</td><td>how long an active answer is
 *       remembered, never past the token's {@code exp}; {@code 0} turns the cache off</td></tr>
 *   <tr><td>introspect-all-tokens</td><td>false</td><td>introspect JWTs too instead of
 *       verifying them locally; otherwise only tokens that are not JWTs are introspected</td></tr>
 *   <tr><td>introspection-jwt-response</td><td>false</td><td>ask for answers as signed JWTs
 *       (RFC 9701), verified with the issuer's keys</td></tr>
 *   <tr><td>dpop</td><td>off</td><td>DPoP-bound tokens (RFC 9449): off, allowed or
 *       required</td></tr>
 *   <tr><td>dpop-nonce</td><td>off</td><td>required: every DPoP proof must carry a nonce
 *       this server issued</td></tr>
 *   <tr><td>dpop-nonce-secret</td><td>random per process</td><td>at least 32 bytes of text
 *       shared by every instance behind a load balancer, so that each accepts the others'
 *       nonces</td></tr>
 *   <tr><td>certificate-bound-tokens</td><td>off</td><td>tokens bound to a TLS client
 *       certificate (RFC 8705): off, allowed or required</td></tr>
 *   <tr><td>client-certificate-header</td><td></td><td>the header a TLS-terminating proxy puts
 *       the client certificate in (URL-encoded PEM); only behind such a proxy</td></tr>
 * </table>
 *
 * <p>Durations accept {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} and ISO-8601
 * ({@code PT30S}). {@link Builder#build()} throws {@link PortcullisConfigException} when a
 * value is missing or wrong; the message names the key and the fix.
 */
public final class PortcullisConfig {
  /** Above any real identity provider's access tokens, far below what would cost to read. */
  private static final int DEFAULT_MAX_TOKEN_SIZE = 8_192;
  /** As long as the HMAC-SHA256 key it makes: less would be the weakest part of a nonce. */
  private static final int MIN_NONCE_SECRET_BYTES = 32;

  private final URI issuer;
  private final URI jwksUri;
  private final boolean acceptAnyIssuer;
  private final String audience;
  private final Duration clockSkew;
  private final Set<String> algorithms;
  private final String realm;
  private final boolean strictTokenType;
  private final boolean allowInsecureHttp;
  private final boolean scopeInChallenge;
  private final Duration httpTimeout;
  private final Path trustedCertificates;
  /** TLS trusting {@link #trustedCertificates}, read when this was built; {@code null} for the JDK's. */
  private final SSLContext tls;
  private final int tokenCacheSize;
  private final int maxTokenSize;
  private final URI resource;
  private final String resourceName;
  private final URI resourceDocumentation;
  private final boolean resourceMetadata;
  private final boolean resourceMetadataLacksResource;
  private final List<String> scopeClaims;
  private final List<String> roleClaims;
  private final List<TokenValidator> validators;
  private final List<TrustedIssuer> trustedIssuers;
  private final IntrospectionSettings introspection;
  private final DpopPolicy dpop;
  private final boolean dpopNonce;
  private final byte[] dpopNonceSecret;
  private final CertificateBoundTokens certificateBoundTokens;
  private final String clientCertificateHeader;

  /**
   * Whether this API accepts access tokens bound to the client's TLS certificate (RFC 8705
   * section 3): tokens with {@code cnf.x5t#S256}, accepted only on requests whose TLS client
   * certificate has that SHA-256 thumbprint. Under every policy a bound token is refused when
   * the certificate cannot be checked.
   */
  public enum CertificateBoundTokens {
    /** The default: tokens with {@code cnf.x5t#S256} are refused, since nothing checks them. */
    OFF,
    /** Bound tokens checked against the request's client certificate, and unbound tokens. */
    ALLOWED,
    /** Only tokens bound to the request's client certificate. */
    REQUIRED
  }

  /**
   * Whether this API accepts DPoP-bound access tokens (RFC 9449): {@code Authorization: DPoP
   * <token>} with a {@code DPoP} proof header, checked against the request and bound to the
   * token's {@code cnf.jkt}.
   */
  public enum DpopPolicy {
    /** The default: only {@code Bearer} tokens; the {@code DPoP} scheme is not recognised. */
    OFF,
    /** Both {@code Bearer} and {@code DPoP}; a DPoP-bound token is still refused as {@code Bearer}. */
    ALLOWED,
    /** Only {@code DPoP}: every token must be DPoP-bound and come with a valid proof. */
    REQUIRED
  }

  private PortcullisConfig(Builder b, SettingsSource values) {
    Boolean insecure = b.allowInsecureHttp != null ? b.allowInsecureHttp
        : parsed(values, "allow-insecure-http", ConfigValues::parseBoolean);
    this.allowInsecureHttp = insecure != null && insecure;
    String issuerText = b.issuer != null ? b.issuer : values.text("issuer");
    this.issuer = issuerText == null ? null : ConfigValues.parseUrl("issuer", issuerText, allowInsecureHttp);
    String jwksText = b.jwksUri != null ? b.jwksUri.toString() : values.text("jwks-uri");
    this.jwksUri = jwksText == null ? null : ConfigValues.parseUrl("jwks-uri", jwksText, allowInsecureHttp);
    List<TrustedIssuer> several = new ArrayList<>(b.trustedIssuers);
    String issuersText = several.isEmpty() ? values.text("issuers") : null;
    if (issuersText != null) {
      for (String one : issuersText.split(",")) {
        if (!one.isBlank()) {
          several.add(TrustedIssuer.builder(one.strip()).build());
        }
      }
    }
    if (!several.isEmpty() && (issuer != null || jwksUri != null)) {
      throw new PortcullisConfigException("Both " + SettingsSource.propertyName(issuer != null ? "issuer" : "jwks-uri")
          + " and several trusted issuers are configured; set " + SettingsSource.propertyName("issuer")
          + " for one issuer, or " + SettingsSource.describe("issuers") + " (or trusted issuers in code) for several,"
          + " not both.");
    }
    if (issuer == null && jwksUri == null && several.isEmpty()) {
      throw new PortcullisConfigException("Portcullis does not know where to find the token signing keys; set "
          + SettingsSource.describe("issuer") + " to your authorization server's issuer URL, or "
          + SettingsSource.describe("jwks-uri") + " to its JWKS URL.");
    }
    this.acceptAnyIssuer = flag(b.acceptAnyIssuer, values, "accept-any-issuer", false);
    if (!several.isEmpty() && acceptAnyIssuer) {
      throw new PortcullisConfigException(SettingsSource.propertyName("accept-any-issuer") + " is true, but trusted"
          + " issuers are configured, whose tokens' iss must each equal one of them; remove "
          + SettingsSource.propertyName("accept-any-issuer") + ".");
    }
    if (issuer == null && several.isEmpty() && !acceptAnyIssuer) {
      throw new PortcullisConfigException("Portcullis would accept tokens from any issuer, since only "
          + SettingsSource.propertyName("jwks-uri") + " is set; set " + SettingsSource.describe("issuer")
          + " to the iss value of your authorization server's tokens, or set "
          + SettingsSource.propertyName("accept-any-issuer") + "=true if every issuer that signs with these keys is"
          + " trusted.");
    }
    if (issuer != null && acceptAnyIssuer) {
      throw new PortcullisConfigException(SettingsSource.propertyName("accept-any-issuer") + " is true, but "
          + SettingsSource.propertyName("issuer") + " is set too; remove one: with an issuer, tokens' iss must equal"
          + " it.");
    }
    String commonAudience = b.audience != null ? b.audience : values.text("audience");
    this.audience = commonAudience == null || commonAudience.isBlank() ? null : commonAudience;
    if (audience == null && (several.isEmpty() || several.stream().anyMatch(one -> one.audience().isEmpty()))) {
      throw new PortcullisConfigException("Portcullis needs the audience of this API to reject tokens issued for"
          + " other APIs; set " + SettingsSource.describe("audience") + " to the value your authorization server puts"
          + " in the aud claim, for example orders-api.");
    }
    Duration skew = b.clockSkew != null ? b.clockSkew : parsed(values, "clock-skew", ConfigValues::parseDuration);
    this.clockSkew = skew != null ? skew : Duration.ofSeconds(60);
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofHours(1)) > 0) {
      throw new PortcullisConfigException(SettingsSource.propertyName("clock-skew") + " is " + clockSkew
          + ", which is outside 0 to 1 hour; use a small value such as 60s.");
    }
    Duration timeout = b.httpTimeout != null ? b.httpTimeout
        : parsed(values, "http-timeout", ConfigValues::parseDuration);
    this.httpTimeout = timeout != null ? timeout : Duration.ofSeconds(5);
    if (httpTimeout.isZero() || httpTimeout.isNegative() || httpTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new PortcullisConfigException(SettingsSource.propertyName("http-timeout") + " is " + httpTimeout
          + ", which is not between 1ms and 5 minutes; use a value such as 5s.");
    }
    this.trustedCertificates = b.trustedCertificates != null ? b.trustedCertificates
        : path(values.text("tls-trusted-certificates"));
    this.tls = trustedCertificates == null ? null
        : TrustedAuthorities.read("tls-trusted-certificates", trustedCertificates);
    this.algorithms = JwsAlgorithms.checked(b.algorithms != null ? b.algorithms
        : JwsAlgorithms.parse(values.text("algorithms")));
    String realmText = b.realm != null ? b.realm : values.text("realm");
    this.realm = realmText != null && !realmText.isBlank() ? realmText
        : audience != null ? audience : several.get(0).audience().orElseThrow();
    this.strictTokenType = flag(b.strictTokenType, values, "strict-token-type", false);
    this.scopeInChallenge = flag(b.scopeInChallenge, values, "scope-in-challenge", true);
    Integer cacheSize = b.tokenCacheSize != null ? b.tokenCacheSize
        : parsed(values, "token-cache-size", ConfigValues::parseCount);
    this.tokenCacheSize = cacheSize != null ? cacheSize : 10_000;
    if (tokenCacheSize < 0 || tokenCacheSize > 10_000_000) {
      throw new PortcullisConfigException(SettingsSource.propertyName("token-cache-size") + " is " + tokenCacheSize
          + ", which is outside 0 to 10000000; use a value such as 10000, or 0 to turn the cache off.");
    }
    Integer maxSize = b.maxTokenSize != null ? b.maxTokenSize
        : parsed(values, "max-token-size", ConfigValues::parseCount);
    this.maxTokenSize = maxSize != null ? maxSize : DEFAULT_MAX_TOKEN_SIZE;
    if (maxTokenSize < 1_024 || maxTokenSize > 1_048_576) {
      throw new PortcullisConfigException(SettingsSource.propertyName("max-token-size") + " is " + maxTokenSize
          + ", which is outside 1024 to 1048576 bytes; use a value such as " + DEFAULT_MAX_TOKEN_SIZE + ".");
    }
    String resourceText = b.resource != null ? b.resource.toString() : values.text("resource");
    this.resource = resourceText == null ? null : ConfigValues.parseUrl("resource", resourceText, allowInsecureHttp);
    this.resourceName = b.resourceName != null ? b.resourceName : values.text("resource-name");
    String documentation = b.resourceDocumentation != null ? b.resourceDocumentation.toString()
        : values.text("resource-documentation");
    this.resourceDocumentation = documentation == null ? null
        : ConfigValues.parseUrl("resource-documentation", documentation, true);
    Boolean metadata = b.resourceMetadata != null ? b.resourceMetadata
        : parsed(values, "resource-metadata", ConfigValues::parseBoolean);
    if (Boolean.TRUE.equals(metadata) && resource == null) {
      throw new PortcullisConfigException(SettingsSource.propertyName("resource-metadata") + " is true, but "
          + SettingsSource.propertyName("resource") + " is not set; set " + SettingsSource.describe("resource")
          + " to this API's public base URL, such as https://api.example.com. The metadata is never built from a"
          + " request's Host header, which a client can set to anything.");
    }
    this.resourceMetadata = resource != null && !Boolean.FALSE.equals(metadata);
    this.resourceMetadataLacksResource = resource == null && metadata == null;
    this.scopeClaims = claimPaths(b.scopeClaims, values, "scope-claims", List.of("scope", "scp"));
    this.roleClaims = claimPaths(b.roleClaims, values, "role-claims", scopeClaims);
    this.validators = List.copyOf(b.validators);
    this.trustedIssuers = several.isEmpty()
        ? List.of(new TrustedIssuer(issuer, jwksUri, audience, scopeClaims, roleClaims))
        : resolved(several, audience, scopeClaims, roleClaims, allowInsecureHttp);
    this.introspection =
        introspection(b, values, issuer, several.size(), allowInsecureHttp, httpTimeout, trustedCertificates);
    this.dpop = b.dpop != null ? b.dpop : dpopPolicy(values.text("dpop"));
    this.dpopNonce = b.dpopNonce != null ? b.dpopNonce : dpopNonce(values.text("dpop-nonce"));
    if (dpopNonce && dpop == DpopPolicy.OFF) {
      throw new PortcullisConfigException(SettingsSource.propertyName("dpop-nonce") + " is required, but "
          + SettingsSource.propertyName("dpop") + " is off; set " + SettingsSource.describe("dpop")
          + " to allowed or required, or remove " + SettingsSource.propertyName("dpop-nonce") + ".");
    }
    this.dpopNonceSecret = dpopNonceSecret(b.dpopNonceSecret != null ? b.dpopNonceSecret
        : values.text("dpop-nonce-secret"), dpopNonce);
    this.certificateBoundTokens = b.certificateBoundTokens != null ? b.certificateBoundTokens
        : certificateBoundTokens(values.text("certificate-bound-tokens"));
    String header = b.clientCertificateHeader != null ? b.clientCertificateHeader
        : values.text("client-certificate-header");
    this.clientCertificateHeader = header == null || header.isBlank() ? null : header.strip();
    if (clientCertificateHeader != null && !clientCertificateHeader.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new PortcullisConfigException(SettingsSource.propertyName("client-certificate-header") + " is \""
          + clientCertificateHeader + "\", which is not an HTTP header name; name the header your proxy puts the"
          + " client certificate in, such as X-Client-Cert.");
    }
    if (clientCertificateHeader != null && certificateBoundTokens == CertificateBoundTokens.OFF) {
      throw new PortcullisConfigException(SettingsSource.propertyName("client-certificate-header") + " is set, but "
          + SettingsSource.propertyName("certificate-bound-tokens") + " is off; set "
          + SettingsSource.describe("certificate-bound-tokens") + " to allowed or required, or remove "
          + SettingsSource.propertyName("client-certificate-header") + ".");
    }
  }

  /** The shared nonce secret's bytes, or {@code null} for a random key; never names the value. */
  private static byte[] dpopNonceSecret(String text, boolean nonces) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String name = SettingsSource.propertyName("dpop-nonce-secret");
    if (!nonces) {
      throw new PortcullisConfigException(name + " is set, but " + SettingsSource.propertyName("dpop-nonce")
          + " is off, so no nonce is made with it; set " + SettingsSource.describe("dpop-nonce")
          + " to required, or remove " + name + ".");
    }
    byte[] secret = text.strip().getBytes(StandardCharsets.UTF_8);
    if (secret.length < MIN_NONCE_SECRET_BYTES) {
      throw new PortcullisConfigException(name + " is " + secret.length + " bytes long, too short to keep nonces"
          + " from being forged; use at least " + MIN_NONCE_SECRET_BYTES + " bytes of random text, such as the"
          + " output of openssl rand -base64 32, the same on every instance.");
    }
    return secret;
  }

  private static CertificateBoundTokens certificateBoundTokens(String text) {
    if (text == null || text.isBlank()) {
      return CertificateBoundTokens.OFF;
    }
    for (CertificateBoundTokens policy : CertificateBoundTokens.values()) {
      if (policy.name().equalsIgnoreCase(text.strip())) {
        return policy;
      }
    }
    throw new PortcullisConfigException(SettingsSource.propertyName("certificate-bound-tokens") + " is \""
        + text.strip() + "\", which is not a policy for certificate-bound tokens; use off, allowed or required.");
  }

  private static boolean dpopNonce(String text) {
    if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("off")) {
      return false;
    }
    if (text.strip().equalsIgnoreCase("required")) {
      return true;
    }
    throw new PortcullisConfigException(SettingsSource.propertyName("dpop-nonce") + " is \"" + text.strip()
        + "\", which is not a nonce policy; use off or required.");
  }

  private static DpopPolicy dpopPolicy(String text) {
    if (text == null || text.isBlank()) {
      return DpopPolicy.OFF;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "off":
        return DpopPolicy.OFF;
      case "allowed":
        return DpopPolicy.ALLOWED;
      case "required":
        return DpopPolicy.REQUIRED;
      default:
        throw new PortcullisConfigException(SettingsSource.propertyName("dpop") + " is \"" + text.strip()
            + "\", which is not a DPoP policy; use off, allowed or required.");
    }
  }

  /** The introspection settings, checked; {@code null} when introspection is off. */
  private static IntrospectionSettings introspection(Builder b, SettingsSource values, URI issuer, int severalIssuers,
      boolean allowInsecureHttp, Duration httpTimeout, Path trustedByAll) {
    String clientId = b.introspectionClientId != null ? b.introspectionClientId : values.text("introspection-client-id");
    String secret = b.introspectionClientSecret != null ? b.introspectionClientSecret
        : values.text("introspection-client-secret");
    String method = b.introspectionClientAuth != null ? b.introspectionClientAuth
        : values.text("introspection-client-auth");
    String keyText = b.introspectionPrivateKey != null ? b.introspectionPrivateKey.toString()
        : values.text("introspection-private-key");
    String keyId = b.introspectionKeyId != null ? b.introspectionKeyId : values.text("introspection-key-id");
    String endpointText = b.introspectionEndpoint != null ? b.introspectionEndpoint.toString()
        : values.text("introspection-endpoint");
    Duration ttl = b.introspectionCacheTtl != null ? b.introspectionCacheTtl
        : parsed(values, "introspection-cache-ttl", ConfigValues::parseDuration);
    Boolean all = b.introspectAllTokens != null ? b.introspectAllTokens
        : parsed(values, "introspect-all-tokens", ConfigValues::parseBoolean);
    Boolean jwt = b.introspectionJwtResponse != null ? b.introspectionJwtResponse
        : parsed(values, "introspection-jwt-response", ConfigValues::parseBoolean);
    String certificate = b.introspectionTlsCertificate != null ? b.introspectionTlsCertificate.toString()
        : values.text("introspection-tls-certificate");
    String certificateKey = b.introspectionTlsPrivateKey != null ? b.introspectionTlsPrivateKey.toString()
        : values.text("introspection-tls-private-key");
    String keyStore = b.introspectionTlsKeyStore != null ? b.introspectionTlsKeyStore.toString()
        : values.text("introspection-tls-keystore");
    String keyStorePassword = b.introspectionTlsKeyStorePassword != null
        ? new String(b.introspectionTlsKeyStorePassword) : values.text("introspection-tls-keystore-password");
    String trusted = b.introspectionTrustedCertificates != null ? b.introspectionTrustedCertificates.toString()
        : values.text("introspection-tls-trusted-certificates");
    if (clientId == null || clientId.isBlank()) {
      String stray = secret != null ? "introspection-client-secret" : method != null ? "introspection-client-auth"
          : keyText != null ? "introspection-private-key" : endpointText != null ? "introspection-endpoint"
          : keyId != null ? "introspection-key-id" : ttl != null ? "introspection-cache-ttl"
          : Boolean.TRUE.equals(all) ? "introspect-all-tokens"
          : Boolean.TRUE.equals(jwt) ? "introspection-jwt-response"
          : certificate != null ? "introspection-tls-certificate"
          : certificateKey != null ? "introspection-tls-private-key"
          : keyStore != null ? "introspection-tls-keystore"
          : keyStorePassword != null ? "introspection-tls-keystore-password"
          : trusted != null ? "introspection-tls-trusted-certificates" : null;
      if (stray != null) {
        throw new PortcullisConfigException(SettingsSource.propertyName(stray) + " is set, but introspection is off"
            + " because " + SettingsSource.propertyName("introspection-client-id") + " is not; set "
            + SettingsSource.describe("introspection-client-id") + " to this API's client id at the authorization"
            + " server to introspect tokens, or remove " + SettingsSource.propertyName(stray) + ".");
      }
      return null;
    }
    // The calls trust what every outbound call trusts unless introspection has authorities of its own; that
    // file was read above, so a mistake in it has already been reported under its own setting's name.
    Path trustedByIntrospection = path(trusted) != null ? path(trusted) : trustedByAll;
    IntrospectionSettings.Tls tls = introspectionTls(path(certificate), path(certificateKey), path(keyStore),
        keyStorePassword, trustedByIntrospection);
    boolean presentsCertificate = tls != null && tls.presentsCertificate();
    if (method == null) {
      method = keyText != null && secret == null ? "private_key_jwt"
          : presentsCertificate && secret == null && keyText == null ? "tls_client_auth" : "client_secret_basic";
    }
    method = method.strip().toLowerCase(Locale.ROOT);
    if (!IntrospectionSettings.METHODS.contains(method)) {
      throw new PortcullisConfigException("The client authentication method \"" + method + "\" in "
          + SettingsSource.propertyName("introspection-client-auth") + " is not supported for introspection; use one"
          + " of " + String.join(", ", IntrospectionSettings.METHODS) + ".");
    }
    if (IntrospectionSettings.CERTIFICATE_METHODS.contains(method)) {
      if (!presentsCertificate) {
        throw new PortcullisConfigException("Introspection authenticates with " + method + ", but no client"
            + " certificate is set; set " + SettingsSource.propertyName("introspection-tls-certificate") + " and "
            + SettingsSource.propertyName("introspection-tls-private-key") + " (environment "
            + SettingsSource.environmentName("introspection-tls-certificate") + " and "
            + SettingsSource.environmentName("introspection-tls-private-key") + ") to PEM files of this API's"
            + " certificate chain and private key, or " + SettingsSource.describe("introspection-tls-keystore")
            + " to a PKCS#12 key store.");
      }
      String stray = secret != null ? "introspection-client-secret" : keyText != null ? "introspection-private-key"
          : null;
      if (stray != null) {
        throw new PortcullisConfigException(SettingsSource.propertyName(stray) + " is set, but introspection"
            + " authenticates with " + method + ", which proves this API's identity with its certificate and sends no"
            + " " + (secret != null ? "secret" : "assertion") + "; remove " + SettingsSource.propertyName(stray)
            + ", or set " + SettingsSource.propertyName("introspection-client-auth") + " to a method that uses it.");
      }
    } else if (method.equals("private_key_jwt")) {
      if (keyText == null || keyText.isBlank()) {
        throw new PortcullisConfigException("Introspection authenticates with private_key_jwt, but "
            + SettingsSource.propertyName("introspection-private-key") + " is not set; set "
            + SettingsSource.describe("introspection-private-key") + " to the PEM or JWK file of this API's private"
            + " key.");
      }
      secret = null;
    } else if (secret == null || secret.isEmpty()) {
      throw new PortcullisConfigException("Introspection authenticates with " + method + ", but "
          + SettingsSource.propertyName("introspection-client-secret") + " is not set; set "
          + SettingsSource.describe("introspection-client-secret") + " to the secret the authorization server issued"
          + " for " + clientId.strip() + ", or set " + SettingsSource.propertyName("introspection-client-auth")
          + "=private_key_jwt with a key.");
    }
    URI endpoint = endpointText == null ? null
        : ConfigValues.parseUrl("introspection-endpoint", endpointText, allowInsecureHttp);
    if (endpoint == null && (issuer == null || severalIssuers > 0)) {
      throw new PortcullisConfigException("Portcullis cannot discover the introspection endpoint "
          + (severalIssuers > 0 ? "when several issuers are trusted" : "without an issuer") + "; set "
          + SettingsSource.describe("introspection-endpoint") + " to the introspection endpoint URL of your"
          + " authorization server.");
    }
    if (Boolean.TRUE.equals(jwt) && severalIssuers > 0) {
      throw new PortcullisConfigException(SettingsSource.propertyName("introspection-jwt-response") + " is true, but"
          + " several issuers are trusted, and the signed answers are verified with the one issuer's keys; set "
          + SettingsSource.propertyName("introspection-jwt-response") + "=false, or trust one issuer.");
    }
    Duration cacheTtl = ttl != null ? ttl : Duration.ofSeconds(60);
    if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new PortcullisConfigException(SettingsSource.propertyName("introspection-cache-ttl") + " is " + cacheTtl
          + ", which is outside 0 to 1 hour; use a value such as 60s, or 0 to ask the endpoint about every request.");
    }
    return new IntrospectionSettings(endpoint, clientId.strip(), secret, method,
        keyText == null || keyText.isBlank() ? null : Path.of(keyText.strip()),
        keyId == null || keyId.isBlank() ? null : keyId.strip(), cacheTtl, Boolean.TRUE.equals(all), httpTimeout,
        Boolean.TRUE.equals(jwt), tls);
  }

  private static Path path(String text) {
    return text == null || text.isBlank() ? null : Path.of(text.strip());
  }

  /**
   * The TLS of the introspection calls, checked for settings that contradict or miss their other
   * half; {@code null} when none is set. The files are read later, by portcullis-client.
   */
  private static IntrospectionSettings.Tls introspectionTls(Path certificate, Path key, Path keyStore, String password,
      Path trusted) {
    if (password != null && keyStore == null) {
      throw new PortcullisConfigException(SettingsSource.propertyName("introspection-tls-keystore-password")
          + " is set, but " + SettingsSource.propertyName("introspection-tls-keystore") + " is not; set "
          + SettingsSource.describe("introspection-tls-keystore") + " to the PKCS#12 key store it opens, or remove "
          + SettingsSource.propertyName("introspection-tls-keystore-password") + ".");
    }
    if (keyStore != null && (certificate != null || key != null)) {
      throw new PortcullisConfigException("Both PEM files ("
          + SettingsSource.propertyName("introspection-tls-certificate") + ", "
          + SettingsSource.propertyName("introspection-tls-private-key") + ") and a key store ("
          + SettingsSource.propertyName("introspection-tls-keystore") + ") are set for introspection's client"
          + " certificate; set one of them.");
    }
    if (certificate != null && key == null) {
      throw new PortcullisConfigException(SettingsSource.propertyName("introspection-tls-certificate") + " is set, but "
          + SettingsSource.propertyName("introspection-tls-private-key") + " is not; set "
          + SettingsSource.describe("introspection-tls-private-key") + " to the PEM file of the certificate's private"
          + " key.");
    }
    if (key != null && certificate == null) {
      throw new PortcullisConfigException(SettingsSource.propertyName("introspection-tls-private-key") + " is set, but "
          + SettingsSource.propertyName("introspection-tls-certificate") + " is not; set "
          + SettingsSource.describe("introspection-tls-certificate") + " to the PEM file of the certificate chain,"
          + " this API's certificate first.");
    }
    if (certificate == null && keyStore == null && trusted == null) {
      return null;
    }
    return new IntrospectionSettings.Tls(certificate, key, keyStore,
        keyStore == null ? null : password == null ? "" : password, trusted);
  }

  /** {@code several} with what each leaves unset taken from the configuration, each checked. */
  private static List<TrustedIssuer> resolved(List<TrustedIssuer> several, String audience, List<String> scopeClaims,
      List<String> roleClaims, boolean allowInsecureHttp) {
    List<TrustedIssuer> resolved = new ArrayList<>();
    Set<URI> seen = new LinkedHashSet<>();
    for (TrustedIssuer one : several) {
      URI issuer = one.issuer().orElseThrow();
      ConfigValues.parseUrl("issuers", issuer.toString(), allowInsecureHttp);
      one.jwksUri().ifPresent(uri -> ConfigValues.parseUrl("jwks-uri", uri.toString(), allowInsecureHttp));
      if (!seen.add(issuer)) {
        throw new PortcullisConfigException("The trusted issuer " + issuer + " is configured twice; configure each"
            + " issuer once, with everything that differs for it in its TrustedIssuer.");
      }
      TrustedIssuer complete = one.resolved(audience, scopeClaims, roleClaims);
      ClaimPath.parseAll("the scope claims of the trusted issuer " + issuer, complete.scopeClaims().orElseThrow());
      ClaimPath.parseAll("the role claims of the trusted issuer " + issuer, complete.roleClaims().orElseThrow());
      resolved.add(complete);
    }
    return List.copyOf(resolved);
  }

  /** The claim paths of {@code key}, checked, from code, else the setting, else {@code fallback}. */
  private static List<String> claimPaths(List<String> code, SettingsSource values, String key,
      List<String> fallback) {
    List<String> paths = code;
    if (paths == null) {
      String text = values.text(key);
      paths = text == null ? fallback : ClaimPath.split(text);
    }
    ClaimPath.parseAll(SettingsSource.propertyName(key), paths);
    return List.copyOf(paths);
  }

  private static <T> T parsed(SettingsSource values, String key, BiFunction<String, String, T> parse) {
    String text = values.text(key);
    return text == null ? null : parse.apply(key, text);
  }

  private static boolean flag(Boolean code, SettingsSource values, String key, boolean fallback) {
    if (code != null) {
      return code;
    }
    Boolean value = parsed(values, key, ConfigValues::parseBoolean);
    return value != null ? value : fallback;
  }

  /** A builder that takes every value from code; what is not set has its default. */
  public static Builder builder() {
    return new Builder(SettingsSource.none());
  }

  /**
   * A builder whose values not set in code come from {@code portcullis.*} system properties,
   * then {@code PORTCULLIS_*} environment variables, read when {@link Builder#build()} is
   * called.
   */
  public static Builder builderFromEnvironment() {
    return new Builder(SettingsSource.ofProcess());
  }

  /**
   * A builder whose values not set in code come from {@code properties} (looked up by {@code
   * portcullis.<key>}), then {@code environment} (by {@code PORTCULLIS_<KEY>}): the same rules
   * as {@link #builderFromEnvironment()} over sources the caller chooses, such as a test's.
   */
  public static Builder builder(Function<String, String> properties, Map<String, String> environment) {
    return new Builder(new SettingsSource(properties, environment));
  }

  /**
   * The configuration from system properties and environment variables only.
   *
   * @throws PortcullisConfigException when a value is missing or wrong
   */
  public static PortcullisConfig fromEnvironment() {
    return builderFromEnvironment().build();
  }

  /**
   * The issuer URL tokens' {@code iss} must equal, if one is configured with {@code issuer};
   * empty with several trusted issuers (see {@link #trustedIssuers()}).
   */
  public Optional<URI> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** The JWKS URL, if configured; otherwise keys are found through the issuer's metadata. */
  public Optional<URI> jwksUri() {
    return Optional.ofNullable(jwksUri);
  }

  /**
   * Whether tokens from any issuer are accepted, as long as their signature verifies with the
   * keys at {@link #jwksUri()}: only when no issuer is configured and this was asked for.
   */
  public boolean acceptAnyIssuer() {
    return acceptAnyIssuer;
  }

  /**
   * The value tokens' {@code aud} must contain; with several trusted issuers, of those that do
   * not set their own, and {@code null} when every one does.
   */
  public String audience() {
    return audience;
  }

  /** The tolerance applied to {@code exp} and {@code nbf}. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** The accepted JWS algorithm names, for example {@code RS256}. */
  public Set<String> algorithms() {
    return algorithms;
  }

  /** The realm named in {@code WWW-Authenticate}. */
  public String realm() {
    return realm;
  }

  /** Whether only {@code typ: at+jwt} tokens are accepted (RFC 9068). */
  public boolean strictTokenType() {
    return strictTokenType;
  }

  /** Whether plain http URLs to hosts that are not loopback are allowed. */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** Whether 403 answers name the scopes the endpoint requires. */
  public boolean scopeInChallenge() {
    return scopeInChallenge;
  }

  /** Connect and read timeout for discovery and key set fetches. */
  public Duration httpTimeout() {
    return httpTimeout;
  }

  /** How many verified tokens are remembered; {@code 0} when the cache is off. */
  public int tokenCacheSize() {
    return tokenCacheSize;
  }

  /** The size in bytes above which a token is refused unread. */
  public int maxTokenSize() {
    return maxTokenSize;
  }

  /**
   * The resource identifier published in the RFC 9728 metadata, if configured; without one no
   * metadata is served.
   */
  public Optional<URI> resource() {
    return Optional.ofNullable(resource);
  }

  /** The human-readable {@code resource_name} in the RFC 9728 metadata, if configured. */
  public Optional<String> resourceName() {
    return Optional.ofNullable(resourceName);
  }

  /** The {@code resource_documentation} URL in the RFC 9728 metadata, if configured. */
  public Optional<URI> resourceDocumentation() {
    return Optional.ofNullable(resourceDocumentation);
  }

  /**
   * Whether {@code /.well-known/oauth-protected-resource} is served (RFC 9728) and every
   * challenge names it in {@code resource_metadata}: when {@link #resource()} is configured
   * and the metadata is not switched off.
   */
  public boolean resourceMetadata() {
    return resourceMetadata;
  }

  /** Whether the metadata is off only because no resource is configured, which startup logs. */
  boolean resourceMetadataLacksResource() {
    return resourceMetadataLacksResource;
  }

  /**
   * The claims whose values are the scopes {@code @RequiresScope} checks, each a claim name or
   * nested names joined by {@code /}; by default {@code scope} and {@code scp}.
   */
  public List<String> scopeClaims() {
    return scopeClaims;
  }

  /** The claims whose values are the roles {@code isUserInRole} answers; by default the scope claims. */
  public List<String> roleClaims() {
    return roleClaims;
  }

  /**
   * Every issuer whose tokens are accepted, with its audience, keys and claims resolved: the
   * one {@link #issuer()} (or {@link #jwksUri()}) describes, or each of several configured
   * with {@code issuers} or {@link Builder#trustedIssuer}.
   */
  public List<TrustedIssuer> trustedIssuers() {
    return trustedIssuers;
  }

  /** The validators run after Portcullis' own checks, in the order they were added. */
  public List<TokenValidator> validators() {
    return validators;
  }

  /**
   * Whether tokens are introspected (RFC 7662): when an introspection client id is configured.
   * Which tokens: see {@link #introspectAllTokens()}.
   */
  public boolean introspection() {
    return introspection != null;
  }

  /** The configured introspection endpoint; empty when it comes from the issuer's metadata or introspection is off. */
  public Optional<URI> introspectionEndpoint() {
    return introspection == null ? Optional.empty() : introspection.endpoint();
  }

  /** This API's client id at the introspection endpoint; empty when introspection is off. */
  public Optional<String> introspectionClientId() {
    return introspection == null ? Optional.empty() : Optional.of(introspection.clientId());
  }

  /**
   * How long an active introspection answer is remembered at most (never past the token's
   * {@code exp}); zero when answers are not remembered or introspection is off.
   */
  public Duration introspectionCacheTtl() {
    return introspection == null ? Duration.ZERO : introspection.cacheTtl();
  }

  /**
   * Whether every token is introspected, JWTs included; otherwise, with introspection on, JWTs
   * are verified locally and only other tokens are introspected.
   */
  public boolean introspectAllTokens() {
    return introspection != null && introspection.allTokens();
  }

  /** Whether introspection answers are asked for as JWTs signed by the issuer (RFC 9701). */
  public boolean introspectionJwtResponse() {
    return introspection != null && introspection.jwtResponse();
  }

  /** The introspection settings, secret included; {@code null} when introspection is off. */
  /** Whether DPoP-bound tokens (RFC 9449) are off (the default), allowed or required. */
  public DpopPolicy dpop() {
    return dpop;
  }

  /**
   * Whether every DPoP proof must carry a nonce this server issued in a {@code DPoP-Nonce}
   * header (RFC 9449 section 9); default false.
   */
  public boolean dpopNonceRequired() {
    return dpopNonce;
  }

  /**
   * The secret every instance derives its nonce key from, or {@code null} for a random key per
   * process. Not public: the secret is never shown.
   */
  byte[] dpopNonceSecret() {
    return dpopNonceSecret == null ? null : dpopNonceSecret.clone();
  }

  /**
   * Whether tokens bound to a TLS client certificate (RFC 8705) are off (the default: refused),
   * allowed or required.
   */
  public CertificateBoundTokens certificateBoundTokens() {
    return certificateBoundTokens;
  }

  /**
   * The header a TLS-terminating proxy puts the client's certificate in, if configured; then the
   * certificate is read from it alone.
   */
  public Optional<String> clientCertificateHeader() {
    return Optional.ofNullable(clientCertificateHeader);
  }

  IntrospectionSettings introspectionSettings() {
    return introspection;
  }

  /**
   * The TLS of the calls to the issuers (metadata and key sets): trusting the authorities of
   * {@code tls-trusted-certificates}, or {@code null} for the JDK's default. Not public: users
   * configure the file, not a context.
   */
  SSLContext issuerTls() {
    return tls;
  }

  @Override
  public String toString() {
    return "PortcullisConfig{issuer=" + issuer + ", jwksUri=" + jwksUri + ", acceptAnyIssuer=" + acceptAnyIssuer
        + ", audience=" + audience
        + ", clockSkew=" + clockSkew + ", algorithms=" + algorithms + ", realm=" + realm
        + ", strictTokenType=" + strictTokenType + ", allowInsecureHttp=" + allowInsecureHttp
        + ", scopeInChallenge=" + scopeInChallenge + ", httpTimeout=" + httpTimeout
        + (trustedCertificates != null ? ", trustedCertificates=" + trustedCertificates : "") + ", resource=" + resource
        + ", resourceMetadata=" + resourceMetadata + ", tokenCacheSize=" + tokenCacheSize
        + ", maxTokenSize=" + maxTokenSize + ", scopeClaims=" + scopeClaims + ", roleClaims=" + roleClaims
        + ", validators=" + validators.size() + ", trustedIssuers=" + trustedIssuers
        + (introspection != null ? ", introspection=" + introspection : "") + ", dpop=" + dpop + ", dpopNonce=" + dpopNonce
        + (dpopNonceSecret != null ? ", dpopNonceSecret=(set)" : "")
        + ", certificateBoundTokens=" + certificateBoundTokens
        + (clientCertificateHeader != null ? ", clientCertificateHeader=" + clientCertificateHeader : "") + "}";
  }

  /**
   * Builds a {@link PortcullisConfig}. Values set here win over system properties, which win
   * over environment variables.
   */
  public static final class Builder {
    private final SettingsSource settings;
    private String issuer;
    private String audience;
    private URI jwksUri;
    private Boolean acceptAnyIssuer;
    private Duration clockSkew;
    private Set<String> algorithms;
    private String realm;
    private Boolean strictTokenType;
    private Boolean allowInsecureHttp;
    private Boolean scopeInChallenge;
    private Duration httpTimeout;
    private Path trustedCertificates;
    private Integer tokenCacheSize;
    private Integer maxTokenSize;
    private URI resource;
    private String resourceName;
    private URI resourceDocumentation;
    private Boolean resourceMetadata;
    private List<String> scopeClaims;
    private List<String> roleClaims;
    private final List<TokenValidator> validators = new ArrayList<>();
    private final List<TrustedIssuer> trustedIssuers = new ArrayList<>();
    private String introspectionClientId;
    private String introspectionClientSecret;
    private String introspectionClientAuth;
    private Path introspectionPrivateKey;
    private String introspectionKeyId;
    private URI introspectionEndpoint;
    private Duration introspectionCacheTtl;
    private Boolean introspectAllTokens;
    private Boolean introspectionJwtResponse;
    private Path introspectionTlsCertificate;
    private Path introspectionTlsPrivateKey;
    private Path introspectionTlsKeyStore;
    private char[] introspectionTlsKeyStorePassword;
    private Path introspectionTrustedCertificates;
    private DpopPolicy dpop;
    private Boolean dpopNonce;
    private String dpopNonceSecret;
    private CertificateBoundTokens certificateBoundTokens;
    private String clientCertificateHeader;

    private Builder(SettingsSource settings) {
      this.settings = settings;
    }

    /** The issuer URL, for example {@code https://idp.example.com/realms/shop}. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Several issuers, each found through its metadata and sharing every other setting; a
     * token's {@code iss} selects one. Use {@link #trustedIssuer} for one whose audience, keys or
     * claims differ. Replaces the {@code issuers} setting; cannot be combined with {@link
     * #issuer} or {@link #jwksUri}.
     *
     * @throws PortcullisConfigException if one is not an absolute http(s) URL
     */
    public Builder issuers(String... issuers) {
      for (String issuer : issuers) {
        trustedIssuer(TrustedIssuer.builder(issuer).build());
      }
      return this;
    }

    /** Adds an issuer whose tokens are accepted, as {@link #issuers} does, with its own settings. */
    public Builder trustedIssuer(TrustedIssuer issuer) {
      trustedIssuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /** The audience tokens must be issued for, for example {@code orders-api}. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /** The JWKS URL; when set, issuer discovery is skipped. */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
      return this;
    }

    /**
     * Accept tokens whatever their {@code iss}, when only a JWKS URL is configured and every
     * issuer that signs with its keys is trusted; default false. Logged at startup.
     */
    public Builder acceptAnyIssuer(boolean accept) {
      this.acceptAnyIssuer = accept;
      return this;
    }

    /** The tolerance for {@code exp} and {@code nbf}; default 60 seconds. */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /** The accepted JWS algorithms, for example {@code Set.of("RS256")}. */
    public Builder algorithms(Set<String> algorithms) {
      this.algorithms = new LinkedHashSet<>(Objects.requireNonNull(algorithms, "algorithms"));
      return this;
    }

    /** The realm in {@code WWW-Authenticate}; default the audience. */
    public Builder realm(String realm) {
      this.realm = Objects.requireNonNull(realm, "realm");
      return this;
    }

    /** Accept only {@code typ: at+jwt} tokens (RFC 9068); default false. */
    public Builder strictTokenType(boolean strict) {
      this.strictTokenType = strict;
      return this;
    }

    /** Allow plain http URLs to hosts that are not loopback; default false. */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** Name the required scopes in 403 answers; default true. */
    public Builder scopeInChallenge(boolean include) {
      this.scopeInChallenge = include;
      return this;
    }

    /** Connect and read timeout for discovery and key fetches; default 5 seconds. */
    public Builder httpTimeout(Duration timeout) {
      this.httpTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The authorities whose certificates the identity provider's TLS certificate is checked
     * against, instead of the JDK's: one or more PEM certificates in {@code certificates}, for
     * an identity provider whose certificate a private CA signed. The issuers' metadata
     * (discovery) and key sets are fetched over this TLS, and so are the introspection calls and
     * their discovery unless {@link #introspectionTrustedCertificates} names authorities of their
     * own. Replaces the {@code tls-trusted-certificates} setting; the JVM's trust store is left
     * as it is.
     *
     * <p>The file is read by {@link #build()}, which throws {@link PortcullisConfigException}
     * naming the setting and the file when it cannot be read, holds no certificate or is not
     * PEM. A fetch from a server whose certificate none of these authorities vouches for fails,
     * and its tokens are answered 503 until it succeeds, as when the server is down.
     */
    public Builder trustedCertificates(Path certificates) {
      this.trustedCertificates = Objects.requireNonNull(certificates, "certificates");
      return this;
    }

    /**
     * How many verified tokens to remember so that a repeated token skips the signature
     * check; default 10,000, {@code 0} turns the cache off. Expiry is checked on every use.
     */
    public Builder tokenCacheSize(int size) {
      this.tokenCacheSize = size;
      return this;
    }

    /**
     * The size in bytes above which a token is refused before it is parsed, hashed or
     * verified; default 8,192, above the access tokens of any real identity provider.
     */
    public Builder maxTokenSize(int bytes) {
      this.maxTokenSize = bytes;
      return this;
    }

    /**
     * This API's public base URL, its resource identifier for RFC 9728 metadata, for example
     * {@code https://api.example.com}. Without it no metadata is served: the URL a request was
     * addressed to comes from its {@code Host} header, which the client chooses.
     */
    public Builder resource(URI resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    /** The {@code resource_name} in the RFC 9728 metadata, for example {@code Orders API}. */
    public Builder resourceName(String name) {
      this.resourceName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The {@code resource_documentation} URL in the RFC 9728 metadata. */
    public Builder resourceDocumentation(URI documentation) {
      this.resourceDocumentation = Objects.requireNonNull(documentation, "documentation");
      return this;
    }

    /**
     * Serve {@code /.well-known/oauth-protected-resource} (RFC 9728) and name it in every
     * challenge's {@code resource_metadata}; default true when {@link #resource(URI)} is set.
     * True without a resource fails {@link #build()}.
     */
    public Builder resourceMetadata(boolean serve) {
      this.resourceMetadata = serve;
      return this;
    }

    /**
     * Resolves every value and checks it.
     *
     * @throws PortcullisConfigException when a value is missing or wrong
     */
    /**
     * The claims whose values are the scopes {@code @RequiresScope} checks, replacing the
     * default {@code scope} and {@code scp}. Each is a claim name, or names of nested claims
     * joined by {@code /}: {@code realm_access/roles} (Keycloak realm roles), {@code
     * resource_access/orders-api/roles} (Keycloak client roles), {@code permissions} (Auth0),
     * {@code roles} (Entra ID app roles). A name containing {@code /} goes in double quotes.
     * Values are space-delimited strings or arrays of strings; a claim of another type rejects
     * the token, a missing one grants nothing.
     */
    public Builder scopeClaims(String... paths) {
      this.scopeClaims = List.of(paths);
      return this;
    }

    /**
     * The claims whose values are the roles {@code SecurityContext.isUserInRole} answers,
     * written as for {@link #scopeClaims}; by default the scope claims.
     */
    public Builder roleClaims(String... paths) {
      this.roleClaims = List.of(paths);
      return this;
    }

    /**
     * Adds a rule of your own, run after Portcullis' checks on every token not seen before;
     * validators run in the order they were added and the first refusal counts.
     */
    public Builder validator(TokenValidator validator) {
      validators.add(Objects.requireNonNull(validator, "validator"));
      return this;
    }

    /**
     * Turns introspection (RFC 7662) on: tokens that are not JWTs (all tokens with {@link
     * #introspectAllTokens}) are verified by asking the authorization server's introspection
     * endpoint, authenticating as the client {@code clientId} with {@code clientSecret}
     * ({@code client_secret_basic} unless {@link #introspectionClientAuth} says otherwise).
     * Needs dev.portcullis:portcullis-client on the class path; without it {@code
     * PortcullisFeature} and {@code AccessTokenVerifier} fail at startup.
     */
    public Builder introspection(String clientId, String clientSecret) {
      this.introspectionClientId = Objects.requireNonNull(clientId, "clientId");
      this.introspectionClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Turns introspection on as {@link #introspection(String, String)} does, authenticating with
     * {@code private_key_jwt}: assertions signed with the key in {@code keyFile} (PEM or JWK),
     * with {@code kid} {@code keyId} ({@code null} for the JWK's own or none).
     */
    public Builder introspectionWithKey(String clientId, Path keyFile, String keyId) {
      this.introspectionClientId = Objects.requireNonNull(clientId, "clientId");
      this.introspectionPrivateKey = Objects.requireNonNull(keyFile, "keyFile");
      this.introspectionKeyId = keyId;
      this.introspectionClientAuth = "private_key_jwt";
      return this;
    }

    /**
     * Turns introspection on as {@link #introspection(String, String)} does, over mutual TLS (RFC
     * 8705): the calls present the certificate chain in {@code certificateChain} (PEM, this API's
     * certificate first) with the unencrypted PKCS#8 private key in {@code privateKey} (PEM), and
     * authenticate with {@code tls_client_auth}, or {@code self_signed_tls_client_auth} when
     * {@link #introspectionClientAuth} says so. The files are read when {@code PortcullisFeature}
     * or {@code AccessTokenVerifier} starts, which fails with {@link PortcullisConfigException}
     * when they cannot be read or the key does not belong to the certificate.
     */
    public Builder introspectionWithCertificate(String clientId, Path certificateChain, Path privateKey) {
      this.introspectionClientId = Objects.requireNonNull(clientId, "clientId");
      this.introspectionTlsCertificate = Objects.requireNonNull(certificateChain, "certificateChain");
      this.introspectionTlsPrivateKey = Objects.requireNonNull(privateKey, "privateKey");
      return this;
    }

    /**
     * As {@link #introspectionWithCertificate}, with the certificate and its key from the one
     * private key entry of the PKCS#12 key store {@code keyStore}, opened with {@code password}
     * (copied; it never appears in messages or {@link PortcullisConfig#toString()}).
     */
    public Builder introspectionWithKeyStore(String clientId, Path keyStore, char[] password) {
      this.introspectionClientId = Objects.requireNonNull(clientId, "clientId");
      this.introspectionTlsKeyStore = Objects.requireNonNull(keyStore, "keyStore");
      this.introspectionTlsKeyStorePassword = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /**
     * The authorities whose certificates the introspection endpoint's TLS certificate is checked
     * against, instead of the JDK's: one or more PEM certificates in {@code certificates}. For an
     * authorization server with a private CA, with or without a client certificate; the issuer's
     * metadata is then fetched over the same TLS when the endpoint is discovered. Without it the
     * calls trust the authorities of {@link #trustedCertificates}, when set.
     */
    public Builder introspectionTrustedCertificates(Path certificates) {
      this.introspectionTrustedCertificates = Objects.requireNonNull(certificates, "certificates");
      return this;
    }

    /**
     * The client authentication method at the introspection endpoint: {@code
     * client_secret_basic} (default), {@code client_secret_post}, {@code client_secret_jwt},
     * {@code private_key_jwt}, or with a client certificate {@code tls_client_auth} (its default)
     * or {@code self_signed_tls_client_auth} (RFC 8705 section 2).
     */
    public Builder introspectionClientAuth(String method) {
      this.introspectionClientAuth = Objects.requireNonNull(method, "method");
      return this;
    }

    /** The introspection endpoint; by default the issuer's metadata's {@code introspection_endpoint}. */
    public Builder introspectionEndpoint(URI endpoint) {
      this.introspectionEndpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * How long an active introspection answer is remembered at most, never past the token's
     * {@code exp}; default 60 seconds, {@link Duration#ZERO} to ask about every request. A
     * token revoked at the authorization server is accepted for at most this long.
     */
    public Builder introspectionCacheTtl(Duration ttl) {
      this.introspectionCacheTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Introspect every token, JWTs included, instead of verifying JWTs locally; default false.
     * The issuer is then used for discovery and the {@code iss} check only, and no keys are
     * fetched.
     */
    public Builder introspectAllTokens(boolean all) {
      this.introspectAllTokens = all;
      return this;
    }

    /**
     * Ask for introspection answers as JWTs signed by the issuer (RFC 9701), verified with the
     * issuer's keys, instead of plain JSON that only TLS vouches for; default false. The
     * authorization server must support it: a plain JSON answer is then refused (503). Only
     * with one trusted issuer.
     */
    public Builder introspectionJwtResponse(boolean signed) {
      this.introspectionJwtResponse = signed;
      return this;
    }

    /**
     * Whether DPoP-bound tokens (RFC 9449) are accepted: {@link DpopPolicy#OFF} (the default),
     * {@link DpopPolicy#ALLOWED} beside bearer tokens, or {@link DpopPolicy#REQUIRED}.
     */
    public Builder dpop(DpopPolicy policy) {
      this.dpop = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Whether every DPoP proof must carry a nonce this server issued (RFC 9449 section 9);
     * default false. Needs {@link #dpop} allowed or required, else {@link #build()} throws.
     */
    public Builder dpopNonceRequired(boolean required) {
      this.dpopNonce = required;
      return this;
    }

    /**
     * The secret the nonce key is derived from, shared by every instance behind a load balancer
     * so that each accepts the nonces of the others; by default each process makes a random key
     * and accepts only its own nonces. At least 32 bytes (UTF-8) after leading and trailing
     * whitespace is removed, such as the output of {@code openssl rand -base64 32}. Needs {@link
     * #dpopNonceRequired} true; otherwise, or when it is shorter, {@link #build()} throws a
     * {@link PortcullisConfigException} that never contains the secret.
     */
    public Builder dpopNonceSecret(String secret) {
      this.dpopNonceSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * Whether tokens bound to a TLS client certificate (RFC 8705) are accepted: {@link
     * CertificateBoundTokens#OFF} (the default), {@link CertificateBoundTokens#ALLOWED} beside
     * unbound tokens, or {@link CertificateBoundTokens#REQUIRED}. The client certificate is read
     * from the container (servlet containers, Jersey on Grizzly), or from {@link
     * #clientCertificateHeader} when that is set.
     */
    public Builder certificateBoundTokens(CertificateBoundTokens policy) {
      this.certificateBoundTokens = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Reads the client certificate from this request header, as URL-encoded PEM (nginx's {@code
     * $ssl_client_escaped_cert}), instead of from the TLS connection: only behind a proxy that
     * ends TLS and always sets or removes this header, so that clients cannot set it themselves.
     * Needs {@link #certificateBoundTokens} allowed or required, else {@link #build()} throws.
     */
    public Builder clientCertificateHeader(String headerName) {
      this.clientCertificateHeader = Objects.requireNonNull(headerName, "headerName");
      return this;
    }

    public PortcullisConfig build() {
      return new PortcullisConfig(this, settings);
    }
  }
}
