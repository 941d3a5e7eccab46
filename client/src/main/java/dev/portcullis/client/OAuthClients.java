package dev.portcullis.client;

import dev.portcullis.OAuthClient;
import dev.portcullis.PortcullisConfigException;
import dev.portcullis.client.spi.StubTarget;
import dev.portcullis.internal.settings.SettingsSource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates the generated clients of {@link OAuthClient} interfaces.
 *
 * <pre>{@code
 * // Everything from configuration: portcullis.client.orders-reader.base-uri, .issuer, .client-id, ...
 * OrdersReader orders = OAuthClients.fromConfiguration(OrdersReader.class);
 *
 * // Or in code, with your own JAX-RS client for JSON providers, TLS and timeouts:
 * OrdersReader orders = OAuthClients.builder(OrdersReader.class)
 *     .baseUri(URI.create("https://orders.example.com"))
 *     .settings(OAuthClientSettings.builder("orders-reader").issuer(issuer).clientId(id)
 *         .authentication(ClientAuthentication.clientSecretBasic(secret)).build())
 *     .client(ClientBuilder.newBuilder().register(JacksonFeature.class).build())
 *     .build();
 * }</pre>
 *
 * <p>For a signed-in user, {@link Builder#signIn()} requests the annotation's scopes in the
 * authorization request and returns the client once the user has signed in; {@link
 * Builder#tokenStore(TokenStore, String)} keeps the user's tokens so that a later {@link
 * Builder#build()} with the same store and key continues without a new sign-in:
 *
 * <pre>{@code
 * OAuthClients.SignIn<OrdersReader> signIn = OAuthClients.builder(OrdersReader.class)
 *     .settings(settings)                    // Grant.authorizationCode(redirectUri)
 *     .tokenStore(store, userId)
 *     .signIn();
 * PendingAuthorization pending = signIn.authorizationRequest();   // redirect to pending.url()
 * OrdersReader orders = signIn.completeAuthorization(pending, callbackUrl);
 * }</pre>
 *
 * <p>The generated class {@code <Interface>_OAuthStub} is found once, when the client is
 * created, by its name in the interface's class loader: nothing is looked up per call, no
 * services file has to be merged across jars, and each stub stays the output of exactly one
 * interface (which keeps incremental compilation precise). Clients are thread-safe; create one
 * and share it.
 *
 * <p>Without {@link Builder#client(Client)} the generated clients share one JAX-RS client,
 * built once with {@link ClientBuilder} (10 s connect and 30 s read timeout), or one per
 * {@link ClientTls} presenting its client certificate, so that certificate-bound tokens (RFC
 * 8705) work; it needs a JAX-RS implementation such as Jersey on the class path and entity
 * providers (JSON) for your types. So building a generated client per user or per request
 * costs no JAX-RS client each time. A client given with {@code client(...)} must be given that
 * TLS itself, and is used as it is.
 */
public final class OAuthClients {
  private OAuthClients() {}

  /**
   * A client of {@code clientInterface} for the API at {@code baseUri}, with tokens from
   * {@code tokens}.
   *
   * @throws IllegalArgumentException if {@code clientInterface} is not an {@link OAuthClient}
   *     interface
   * @throws IllegalStateException if its stub was not generated (the processor did not run)
   */
  public static <T> T create(Class<T> clientInterface, URI baseUri, TokenSource tokens) {
    return builder(clientInterface).baseUri(baseUri).tokens(tokens).build();
  }

  /**
   * A client configured entirely by the keys {@code portcullis.client.<name>.*} (system
   * properties) or {@code PORTCULLIS_CLIENT_<NAME>_*} (environment), where {@code <name>} is
   * {@link OAuthClient#name()}: {@code base-uri} for the API and the token settings of {@link
   * OAuthClientSettings}. The scopes requested are those of {@link OAuthClient#scopes()}
   * unless {@code portcullis.client.<name>.scopes} is set.
   *
   * @throws PortcullisConfigException if {@code base-uri} is missing or not a URL
   * @throws dev.portcullis.client.ClientConfigurationException if a token setting is wrong
   */
  public static <T> T fromConfiguration(Class<T> clientInterface) {
    return builder(clientInterface).build();
  }

  /** A builder for a client of {@code clientInterface}; unset values come from configuration. */
  public static <T> Builder<T> builder(Class<T> clientInterface) {
    return new Builder<>(clientInterface);
  }

  /**
   * Collects the base URI, the source of tokens and the JAX-RS client. What is not set in code
   * is read from configuration when {@link #build()} is called.
   */
  public static final class Builder<T> {
    private final Class<T> clientInterface;
    private final OAuthClient annotation;
    private URI baseUri;
    private TokenSource tokens;
    private OAuthClientSettings settings;
    private Client client;
    private boolean responsesThrow;
    private TokenStore store;
    private String storeKey;

    private Builder(Class<T> clientInterface) {
      this.clientInterface = Objects.requireNonNull(clientInterface, "clientInterface");
      this.annotation = clientInterface.getAnnotation(OAuthClient.class);
      if (!clientInterface.isInterface() || annotation == null) {
        throw new IllegalArgumentException(
            clientInterface.getName() + " is not an interface annotated @OAuthClient, so there"
                + " is no generated client for it. Annotate the API interface's client with"
                + " @OAuthClient(name = ..., scopes = ...).");
      }
    }

    /** The API's base URI; otherwise {@code portcullis.client.<name>.base-uri}. */
    public Builder<T> baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /**
     * Where tokens come from, for example a shared {@link TokenClient}; replaces {@link
     * #settings(OAuthClientSettings)}. The source is used as it is: it should grant the
     * scopes of the annotation.
     */
    public Builder<T> tokens(TokenSource tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * The token settings; otherwise {@link OAuthClientSettings#fromConfiguration(String)} with
     * the annotation's name. Without scopes in the settings the annotation's are requested.
     * With the authorization_code and device_code grants the annotation's scopes are always
     * requested, and the settings' in addition (such as {@code openid} or {@code
     * offline_access}): the user's one authorization must cover every call of the client.
     */
    public Builder<T> settings(OAuthClientSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Keeps the signed-in user's tokens in {@code store} under {@code key} (see {@link
     * TokenStore}): {@link #build()} continues an authorization saved there, and {@link
     * #signIn()} saves the one it completes. Without it a user's tokens live in the client
     * only. Not with {@link #tokens(TokenSource)}, whose source keeps its own tokens.
     *
     * @throws IllegalArgumentException if {@code key} is blank
     */
    public Builder<T> tokenStore(TokenStore store, String key) {
      this.store = Objects.requireNonNull(store, "store");
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("The token store key is empty. Use a key that names"
            + " the user's authorization, such as the user's id.");
      }
      this.storeKey = key;
      return this;
    }

    /**
     * Starts a sign-in for a user: its token client requests the annotation's scopes (with
     * those the settings add) with the settings' authorization_code or device_code grant, and
     * hands out the generated client once the user has signed in. The base URI and JAX-RS
     * client are checked when that client is created.
     *
     * <p>One sign-in serves one user. Between the authorization request and the callback only
     * the {@link PendingAuthorization} needs keeping: a sign-in started afresh with the same
     * settings (and store and key) completes it just as well, so a web application need not
     * keep this object in the user's session.
     *
     * @throws IllegalStateException if {@link #tokens(TokenSource)} was set, which leaves no
     *     tokens to sign in for
     * @throws IllegalArgumentException if a token store is set and the grant is not one of a
     *     user's authorization
     * @throws dev.portcullis.client.ClientConfigurationException if a token setting is wrong
     */
    public SignIn<T> signIn() {
      if (tokens != null) {
        throw new IllegalStateException("This builder has a TokenSource set with tokens(...),"
            + " so there are no tokens of its own to sign a user in for. Set settings(...)"
            + " instead.");
      }
      return new SignIn<>(this, tokenClient());
    }

    /**
     * The JAX-RS client to send with, configured with your entity providers, TLS and timeouts.
     * Its configuration is not changed; closing it is up to you.
     */
    public Builder<T> client(Client client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Methods returning {@code Response} throw for answers outside 2xx (the typed exceptions
     * included), as the other methods do, instead of returning them; otherwise {@code
     * portcullis.client.<name>.response-errors=throw} does the same. By default such a method
     * returns every answer as it is.
     */
    public Builder<T> responsesThrowOnError() {
      this.responsesThrow = true;
      return this;
    }

    /**
     * Creates the client.
     *
     * @throws PortcullisConfigException if the base URI is missing or not an http(s) URL
     * @throws IllegalStateException if the stub was not generated, or the client's libraries
     *     ({@code portcullis-client}) are not on the class path
     */
    public T build() {
      if (tokens != null && store != null) {
        throw new IllegalStateException("This builder has both a TokenSource, set with"
            + " tokens(...), and a token store; the source keeps its own tokens. Set"
            + " settings(...) with the token store, or drop tokenStore(...).");
      }
      return build(tokens != null ? tokens : tokenClient());
    }

    private T build(TokenSource source) {
      Class<? extends T> stub = stubClass();
      URI base = baseUri != null ? baseUri : ClientBaseUri.fromConfiguration(annotation.name());
      ClientBaseUri.check(base, annotation.name());
      Client http = client != null ? client : DefaultJaxRsClients.of(source instanceof TokenClient tokenClient
          ? tokenClient.settings().tls().orElse(null) : null);
      StubTarget target = new StubTarget(http.target(base), source);
      if (responsesThrow || responseErrorsThrow(annotation.name())) {
        target = target.throwingForErrorResponses();
      }
      try {
        return stub.getConstructor(StubTarget.class).newInstance(target);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("The stub " + stub.getName() + " failed to start.", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "The stub " + stub.getName() + " has no public constructor taking a StubTarget: it"
                + " was generated by another Portcullis version. Rebuild with matching versions.",
            e);
      }
    }

    private static boolean responseErrorsThrow(String clientName) {
      SettingsSource settings = SettingsSource.ofProcess();
      String key = "client." + clientName + ".response-errors";
      String value = settings.text(key);
      if (value == null || value.equals("return")) {
        return false;
      }
      if (value.equals("throw")) {
        return true;
      }
      throw new PortcullisConfigException(settings.source(key) + " is \"" + value + "\", which is"
          + " neither throw nor return; use throw to have methods returning Response throw for"
          + " answers outside 2xx, or return (the default) to get every answer as it is.");
    }

    /**
     * A token client for the settings. It requests the annotation's scopes unless the settings
     * name some; when a user signs in, the annotation's scopes and the settings' together,
     * because the user's one authorization must cover every call of the client.
     */
    private TokenClient tokenClient() {
      OAuthClientSettings resolved =
          settings != null ? settings : OAuthClientSettings.fromConfiguration(annotation.name());
      Set<String> scopes = new TreeSet<>(List.of(annotation.scopes()));
      boolean userSignsIn = resolved.grant() instanceof Grant.AuthorizationCode
          || resolved.grant() instanceof Grant.DeviceCode;
      if (userSignsIn) {
        scopes.addAll(resolved.scopes());
      }
      OAuthClientSettings scoped = resolved.scopes().isEmpty() || userSignsIn
          ? resolved.withScopes(scopes) : resolved;
      return store == null ? TokenClient.create(scoped)
          : TokenClient.create(scoped, store, storeKey);
    }

    private Class<? extends T> stubClass() {
      String name = stubName(clientInterface);
      try {
        Class<?> stub = Class.forName(name, true, clientInterface.getClassLoader());
        return stub.asSubclass(clientInterface);
      } catch (ClassNotFoundException | ClassCastException e) {
        throw new IllegalStateException(
            "There is no generated client " + name + " for " + clientInterface.getName()
                + ": the Portcullis annotation processor did not run when it was compiled. Add"
                + " dev.portcullis:portcullis-processor to the annotationProcessorPaths of"
                + " maven-compiler-plugin (or Gradle's annotationProcessor) and rebuild.",
            e);
      }
    }

  }

  /**
   * A user's sign-in for one generated client, made by {@link Builder#signIn()}: the
   * authorization requests the scopes of the client's {@code @OAuthClient} annotation, so
   * they are written once, on the interface. Completing it returns the generated client,
   * which then uses (and renews) the user's tokens.
   *
   * <p>Why a sign-in object rather than a generated client that signs in by itself: the
   * client cannot be used before the user has signed in, and the two steps happen in
   * different requests (the redirect and the callback), so the type that can make calls is
   * only handed out once there are tokens to make them with.
   */
  public static final class SignIn<T> {
    private final Builder<T> builder;
    private final TokenClient tokens;

    private SignIn(Builder<T> builder, TokenClient tokens) {
      this.builder = builder;
      this.tokens = tokens;
    }

    /**
     * The authorization request with the annotation's scopes, state and PKCE challenge; see
     * {@link TokenClient#authorizationRequest()}.
     *
     * @throws IllegalStateException if the grant is not authorization_code
     */
    public PendingAuthorization authorizationRequest() {
      return tokens.authorizationRequest();
    }

    /**
     * Exchanges the code of {@code callback} (see {@link TokenClient#completeAuthorization})
     * and returns the generated client, using the user's tokens.
     *
     * @throws dev.portcullis.client.TokenAcquisitionException if the callback does not answer
     *     {@code pending} or the exchange fails; no client is created then
     * @throws PortcullisConfigException if the base URI is missing or not an http(s) URL
     */
    public T completeAuthorization(PendingAuthorization pending, URI callback) {
      tokens.completeAuthorization(pending, callback);
      return builder.build(tokens);
    }

    /**
     * Starts the device authorization grant with the annotation's scopes; see {@link
     * TokenClient#startDeviceAuthorization()}.
     *
     * @throws IllegalStateException if the grant is not device_code
     */
    public DeviceAuthorization startDeviceAuthorization() {
      return tokens.startDeviceAuthorization();
    }

    /**
     * Waits until the user has approved (see {@link TokenClient#completeDeviceAuthorization})
     * and returns the generated client, using the user's tokens.
     *
     * @throws dev.portcullis.client.TokenAcquisitionException if the user denied, the code
     *     expired, or the wait was interrupted; no client is created then
     */
    public T completeDeviceAuthorization(DeviceAuthorization authorization) {
      tokens.completeDeviceAuthorization(authorization);
      return builder.build(tokens);
    }

    /** The user's token client, for {@link TokenClient#revoke()} at sign-out, for example. */
    public TokenClient tokens() {
      return tokens;
    }

    @Override
    public String toString() {
      return "OAuthClients.SignIn[" + builder.clientInterface.getName() + ", " + tokens + "]";
    }
  }

  /** {@code shop.Outer$Inner} becomes {@code shop.Outer_Inner_OAuthStub}, as generated. */
  static String stubName(Class<?> clientInterface) {
    String packageName = clientInterface.getPackageName();
    String binary = clientInterface.getName();
    String nested = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    String simple = nested.replace('$', '_') + "_OAuthStub";
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }
}
