package dev.portcullis.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Settings resolved in the documented order: code, system property, environment, default. Each
 * failure names the key to fix.
 */
final class SettingsResolution {
  static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(60);
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);

  final String name;
  final URI issuer;
  final URI tokenEndpoint;
  final URI authorizationEndpoint;
  final URI revocationEndpoint;
  final URI deviceAuthorizationEndpoint;
  final String clientId;
  final ClientAuthentication authentication;
  final ClientTls tls;
  final Grant grant;
  final Set<String> scopes;
  final List<String> audiences;
  final List<URI> resources;
  final Duration refreshAhead;
  final Duration defaultLifetime;
  final Duration connectTimeout;
  final Duration readTimeout;
  final int maxAttempts;
  final Duration retryBackoff;
  final boolean allowInsecureHttp;
  final boolean dpop;
  final DpopKey dpopKey;
  final Clock clock;
  final Executor executor;

  SettingsResolution(OAuthClientSettings.Builder code, ClientConfiguration config) {
    name = code.name;
    issuer = code.issuer != null ? code.issuer : config.uri("issuer").orElse(null);
    tokenEndpoint = code.tokenEndpoint != null ? code.tokenEndpoint
        : config.uri("token-endpoint").orElse(null);
    authorizationEndpoint = code.authorizationEndpoint != null ? code.authorizationEndpoint
        : config.uri("authorization-endpoint").orElse(null);
    revocationEndpoint = code.revocationEndpoint != null ? code.revocationEndpoint
        : config.uri("revocation-endpoint").orElse(null);
    deviceAuthorizationEndpoint = code.deviceAuthorizationEndpoint != null
        ? code.deviceAuthorizationEndpoint
        : config.uri("device-authorization-endpoint").orElse(null);
    allowInsecureHttp = code.allowInsecureHttp != null ? code.allowInsecureHttp
        : config.bool("allow-insecure-http").orElse(false);
    requireSecureTransport(issuer, "issuer");
    requireSecureTransport(tokenEndpoint, "token-endpoint");
    requireSecureTransport(authorizationEndpoint, "authorization-endpoint");
    requireSecureTransport(revocationEndpoint, "revocation-endpoint");
    requireSecureTransport(deviceAuthorizationEndpoint, "device-authorization-endpoint");
    if (issuer == null && tokenEndpoint == null) {
      throw new ClientConfigurationException(client() + " has neither an issuer nor a token"
          + " endpoint. To find the endpoints by discovery, " + config.describe("issuer",
              "issuer(...)") + "; to give the token endpoint directly, "
          + config.describe("token-endpoint", "tokenEndpoint(...)") + ".");
    }
    clientId = code.clientId != null ? code.clientId : config.string("client-id").orElseThrow(
        () -> new ClientConfigurationException(client() + " has no client id. "
            + capitalized(config.describe("client-id", "clientId(...)")) + "."));
    tls = code.tls != null ? code.tls : ClientTls.fromConfiguration(config, client());
    authentication = code.authentication != null ? code.authentication
        : authenticationFromConfiguration(config);
    if (authentication.usesCertificate() && tls == null) {
      throw new ClientConfigurationException(client() + " authenticates with " + authentication.method()
          + " but has no TLS client certificate. Give it a certificate and key (tls-certificate and"
          + " tls-private-key, or tls-keystore): " + config.describe("tls-certificate",
              "tls(ClientTls.fromPem(...))") + ".");
    }
    grant = code.grant != null ? code.grant : grantFromConfiguration(config);
    scopes = code.scopes != null ? code.scopes
        : Set.copyOf(config.list("scopes").orElse(List.of()));
    requireScopeTokens(scopes, client());
    audiences = code.audiences != null ? code.audiences : config.list("audience").orElse(List.of());
    resources = code.resources != null ? code.resources : config.list("resource")
        .map(list -> list.stream().map(value -> ClientConfiguration.parseUri(value,
            config.sourceOf("resource"))).collect(Collectors.toList())).orElse(List.of());
    refreshAhead = nonNegative(code.refreshAhead != null ? code.refreshAhead
        : config.duration("refresh-ahead").orElse(DEFAULT_REFRESH_AHEAD), "refresh-ahead",
        config);
    defaultLifetime = positive(code.defaultLifetime != null ? code.defaultLifetime
        : config.duration("default-lifetime").orElse(DEFAULT_LIFETIME), "default-lifetime",
        config);
    connectTimeout = positive(code.connectTimeout != null ? code.connectTimeout
        : config.duration("connect-timeout").orElse(DEFAULT_CONNECT_TIMEOUT), "connect-timeout",
        config);
    readTimeout = positive(code.readTimeout != null ? code.readTimeout
        : config.duration("read-timeout").orElse(DEFAULT_READ_TIMEOUT), "read-timeout", config);
    maxAttempts = code.maxAttempts != null ? code.maxAttempts
        : config.positiveInteger("max-attempts").orElse(DEFAULT_MAX_ATTEMPTS);
    if (maxAttempts < 1) {
      throw new ClientConfigurationException(client() + " allows " + maxAttempts + " attempts"
          + " per token request. Allow at least 1 with retry(...) or max-attempts.");
    }
    retryBackoff = nonNegative(code.retryBackoff != null ? code.retryBackoff
        : config.duration("retry-backoff").orElse(DEFAULT_RETRY_BACKOFF), "retry-backoff",
        config);
    dpopKey = code.dpopKey != null ? code.dpopKey
        : config.path("dpop-key").map(DpopKey::fromFile).orElse(null);
    dpop = code.dpop != null ? code.dpop : config.bool("dpop").orElse(dpopKey != null);
    if (!dpop && dpopKey != null) {
      throw new ClientConfigurationException(client() + " has a DPoP key but DPoP turned off."
          + " Turn DPoP on (" + config.describe("dpop", "dpop(true)") + "), or remove the"
          + " key.");
    }
    clock = code.clock;
    executor = code.executor != null ? code.executor : TokenThreads.SHARED;
    if (grant instanceof Grant.ClientCredentials
        && authentication.method() == ClientAuthenticationMethod.NONE) {
      throw new ClientConfigurationException(client() + " uses the client_credentials grant,"
          + " which only confidential clients may use, but has no client credentials. "
          + capitalized(config.describe("client-secret", "authentication(...)"))
          + (name == null ? "" : ", or set " + ClientConfiguration.propertyKey(name,
              "private-key") + " to a key file") + ".");
    }
    if (grant instanceof Grant.AuthorizationCode && issuer == null
        && authorizationEndpoint == null) {
      throw new ClientConfigurationException(client() + " uses the authorization code grant"
          + " but has no authorization endpoint. " + capitalized(config.describe(
              "authorization-endpoint", "authorizationEndpoint(...)")) + ", or set an issuer.");
    }
    if (grant instanceof Grant.DeviceCode && issuer == null
        && deviceAuthorizationEndpoint == null) {
      throw new ClientConfigurationException(client() + " uses the device authorization grant"
          + " but has no device authorization endpoint. " + capitalized(config.describe(
              "device-authorization-endpoint", "deviceAuthorizationEndpoint(...)"))
          + ", or set an issuer whose metadata names it.");
    }
  }

  /** @throws ClientConfigurationException if a scope is not an RFC 6749 scope token */
  static void requireScopeTokens(Set<String> scopes, String client) {
    for (String scope : scopes) {
      if (!scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
        throw new ClientConfigurationException(client + " requests the scope \"" + scope
            + "\", which is not a valid scope token (RFC 6749 section 3.3): scopes are"
            + " printable ASCII without spaces, quotes or backslashes. List scopes separately,"
            + " for example scopes(\"orders:read\", \"orders:write\").");
      }
    }
  }

  private void requireSecureTransport(URI uri, String key) {
    if (uri != null && !InsecureTransport.permits(uri, allowInsecureHttp)) {
      String allow = name == null ? "call allowInsecureHttp(true) on the builder"
          : "set " + ClientConfiguration.propertyKey(name, "allow-insecure-http") + "=true (or "
              + ClientConfiguration.environmentKey(name, "allow-insecure-http") + "=true), or"
              + " call allowInsecureHttp(true) on the builder";
      throw new ClientConfigurationException(InsecureTransport.problem(uri,
          key.replace('-', ' ') + " URL", allow));
    }
  }

  private String client() {
    return client(name);
  }

  /** The client named {@code name}, or the unnamed one, as messages name it. */
  static String client(String name) {
    return name == null ? "The OAuth client" : "The OAuth client \"" + name + "\"";
  }

  private ClientAuthentication authenticationFromConfiguration(ClientConfiguration config) {
    String secret = config.string("client-secret").orElse(null);
    boolean hasKey = config.string("private-key").isPresent();
    ClientAuthenticationMethod method = config.method("client-auth").orElse(
        secret != null ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
            : hasKey ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
            : tls != null ? ClientAuthenticationMethod.TLS_CLIENT_AUTH
            : ClientAuthenticationMethod.NONE);
    switch (method) {
      case CLIENT_SECRET_BASIC:
      case CLIENT_SECRET_POST:
      case CLIENT_SECRET_JWT:
        if (secret == null) {
          throw new ClientConfigurationException(client() + " authenticates with " + method
              + " but has no client secret. " + capitalized(config.describe("client-secret",
                  "authentication(ClientAuthentication." + camel(method) + "(secret))")) + ".");
        }
        return method == ClientAuthenticationMethod.CLIENT_SECRET_BASIC
            ? ClientAuthentication.clientSecretBasic(secret)
            : method == ClientAuthenticationMethod.CLIENT_SECRET_POST
                ? ClientAuthentication.clientSecretPost(secret)
                : ClientAuthentication.clientSecretJwt(secret);
      case PRIVATE_KEY_JWT:
        ClientKey key = ClientKey.fromFile(config.path("private-key").orElseThrow(
            () -> new ClientConfigurationException(client() + " authenticates with"
                + " private_key_jwt but has no private key file. " + capitalized(
                    config.describe("private-key", "authentication(ClientAuthentication"
                        + ".privateKeyJwt(key))")) + ".")),
            config.string("key-id").orElse(null));
        return ClientAuthentication.privateKeyJwt(config.string("signing-algorithm")
            .map(key::withAlgorithm).orElse(key));
      case TLS_CLIENT_AUTH:
        return ClientAuthentication.tlsClientAuth();
      case SELF_SIGNED_TLS_CLIENT_AUTH:
        return ClientAuthentication.selfSignedTlsClientAuth();
      default:
        return ClientAuthentication.none();
    }
  }

  private Grant grantFromConfiguration(ClientConfiguration config) {
    String grantName = config.string("grant").orElse("client_credentials")
        .toLowerCase(Locale.ROOT);
    switch (grantName) {
      case "client_credentials":
        return Grant.clientCredentials();
      case "refresh_token":
        return Grant.refreshToken(config.string("refresh-token").orElseThrow(
            () -> new ClientConfigurationException(client() + " uses the refresh_token grant"
                + " but has no refresh token. " + capitalized(config.describe("refresh-token",
                    "grant(Grant.refreshToken(...))")) + ".")));
      case "authorization_code":
        return Grant.authorizationCode(config.uri("redirect-uri").orElseThrow(
            () -> new ClientConfigurationException(client() + " uses the authorization_code"
                + " grant but has no redirect URI. " + capitalized(config.describe(
                    "redirect-uri", "grant(Grant.authorizationCode(...))")) + ".")));
      case "token_exchange_for_caller":
        return Grant.tokenExchangeForCaller();
      case "device_code":
        return Grant.deviceCode();
      default:
        throw new ClientConfigurationException("The grant \"" + grantName + "\" in "
            + config.sourceOf("grant") + " cannot be configured by key. Use client_credentials,"
            + " refresh_token, authorization_code, device_code or token_exchange_for_caller, or set"
            + " other token exchange and JWT bearer grants in code with grant(...).");
    }
  }

  private Duration positive(Duration value, String key, ClientConfiguration config) {
    if (value.isZero() || value.isNegative()) {
      throw new ClientConfigurationException(client() + " has " + key + " " + value
          + ", which must be positive. " + capitalized(config.describe(key, builderMethod(key))) + ".");
    }
    return value;
  }

  private Duration nonNegative(Duration value, String key, ClientConfiguration config) {
    if (value.isNegative()) {
      throw new ClientConfigurationException(client() + " has " + key + " " + value
          + ", which must not be negative. " + capitalized(config.describe(key, builderMethod(key)))
          + ".");
    }
    return value;
  }

  /** The builder method that sets {@code key}, for messages. */
  private static String builderMethod(String key) {
    if (key.equals("retry-backoff")) {
      return "retry(...)";
    }
    StringBuilder method = new StringBuilder();
    for (String part : key.split("-")) {
      method.append(method.length() == 0 ? part
          : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return method + "(...)";
  }

  private static String camel(ClientAuthenticationMethod method) {
    List<String> parts = new ArrayList<>(List.of(method.wireName().split("_")));
    StringBuilder text = new StringBuilder(parts.remove(0));
    parts.forEach(part -> text.append(Character.toUpperCase(part.charAt(0)))
        .append(part.substring(1)));
    return text.toString();
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
