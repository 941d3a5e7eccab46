package dev.portcullis;

import dev.portcullis.internal.filters.FeatureRegistrationCheck;
import dev.portcullis.internal.filters.GeneratedFilterFeature;
import dev.portcullis.internal.http.CallerTokenScope;
import dev.portcullis.internal.http.DpopNonceFilter;
import dev.portcullis.internal.http.CertificateBinding;
import dev.portcullis.internal.http.DpopSettings;
import dev.portcullis.internal.http.ProtectedResourceMetadata;
import dev.portcullis.internal.http.ProtectedResourceMetadataFilter;
import dev.portcullis.internal.settings.SettingNames;
import dev.portcullis.internal.settings.SettingsSource;
import dev.portcullis.internal.verification.DpopNonces;
import dev.portcullis.internal.verification.DpopProofs;
import dev.portcullis.internal.verification.TokenVerifier;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Protects the resource methods the Portcullis annotation processor saw, in one line:
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig(OrdersResource.class)
 *     .register(new PortcullisFeature(PortcullisConfig.fromEnvironment()));
 * }</pre>
 *
 * <p>At startup the feature finds the token-validation filter the annotation processor
 * generated beside each resource class ({@code <Resource>_PortcullisFilter}), checks each of its
 * rules against the annotations, and installs a request filter, at {@code
 * Priorities.AUTHENTICATION}, on every resource method that needs a token. Per request the
 * generated filter has the bearer token (RFC 6750 section 2.1) extracted and verified, checks the
 * method's scopes and replaces the {@code SecurityContext}: {@code getUserPrincipal()} is a
 * {@link TokenPrincipal} and {@code isUserInRole(scope)} tells whether the token grants a
 * scope. Methods marked {@link Public} and classes without Portcullis annotations are left
 * alone.
 *
 * <p>Answers follow RFC 6750 section 3: 401 without a token or with a bad one ({@code
 * error="invalid_token"}), 403 {@code insufficient_scope} when scopes are missing, 400
 * {@code invalid_request} for a token in the query string or duplicate credentials. Every
 * challenge carries {@code resource_metadata} (RFC 9728 section 5.1), naming the public
 * {@code /.well-known/oauth-protected-resource} document the feature serves: the
 * authorization server, the scopes the generated filters use, and {@code bearer_methods_supported}.
 * Both are built from the configured {@link PortcullisConfig#resource() resource}, never from
 * the request's {@code Host}; without one neither is served, and startup logs what to set.
 *
 * <p>Failure semantics: the application does not start (an {@link IllegalStateException}
 * propagates from the JAX-RS runtime's startup) when a resource class carries Portcullis
 * annotations but has no generated filter (the processor did not run), or when a generated
 * rule differs from what the annotations it runs with declare, in either direction (stale
 * generated code, an API jar changed without rebuilding the server, or a filter from
 * another Portcullis version). The authorization server's keys are loaded in the background
 * from startup on: if it is down or does not answer, the application keeps running, and a
 * request with a token is answered at once, 503 with {@code Retry-After}, until the keys are
 * loaded.
 *
 * <p>Stopping: the keys are loaded and refreshed on one daemon thread per issuer. Jersey ends
 * them when it stops the application; on other implementations, which give no portable signal
 * that an application stops, call {@link #close()} when you stop yours.
 */
public final class PortcullisFeature implements Feature, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.portcullis");

  private final PortcullisConfig config;
  /** The verifiers of the applications this feature configured and that have not been closed. */
  private final List<TokenVerifier> verifiers = new CopyOnWriteArrayList<>();

  /** Protects the application with {@code config}. */
  public PortcullisFeature(PortcullisConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Protects the application with configuration from system properties and the environment.
   *
   * @throws PortcullisConfigException when a value is missing or wrong
   */
  public static PortcullisFeature fromEnvironment() {
    return new PortcullisFeature(PortcullisConfig.fromEnvironment());
  }

  private static DpopNonces nonces(PortcullisConfig config) {
    byte[] secret = config.dpopNonceSecret();
    return secret == null ? new DpopNonces(Clock.systemUTC()) : new DpopNonces(Clock.systemUTC(), secret);
  }

  /** The check of certificate-bound tokens, or {@code null} when they are refused. */
  private static CertificateBinding certificateBinding(PortcullisConfig config) {
    PortcullisConfig.CertificateBoundTokens policy = config.certificateBoundTokens();
    return policy == PortcullisConfig.CertificateBoundTokens.OFF ? null : new CertificateBinding(
        policy == PortcullisConfig.CertificateBoundTokens.REQUIRED, config.clientCertificateHeader().orElse(null));
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.property(FeatureRegistrationCheck.REGISTERED, true);
    SettingNames.warnAboutUnknown();
    if (config.acceptAnyIssuer()) {
      LOG.log(System.Logger.Level.WARNING, "Portcullis accepts tokens from any issuer whose signature verifies with"
          + " the keys at {0}, because {1}=true; set {2} to check the iss claim.", config.jwksUri().orElseThrow(),
          SettingsSource.propertyName("accept-any-issuer"), SettingsSource.describe("issuer"));
    }
    if (config.resourceMetadataLacksResource()) {
      LOG.log(System.Logger.Level.INFO, "Portcullis serves no RFC 9728 metadata and names none in challenges,"
          + " because {0} is not set; set it to this API''s public base URL, such as https://api.example.com, or set"
          + " {1}=false to say you do not want it.", SettingsSource.describe("resource"),
          SettingsSource.propertyName("resource-metadata"));
    }
    TokenVerifier verifier = new TokenVerifier(config, config.introspectionSettings(), config.issuerTls());
    verifiers.add(verifier);
    context.property(GeneratedFilterFeature.BACKGROUND_WORK, verifier);
    try {
      context.register(new CallerTokenScope(), Priorities.AUTHENTICATION - 200);
      ProtectedResourceMetadata metadata = null;
      if (config.resourceMetadata()) {
        metadata = new ProtectedResourceMetadata(config);
        context.register(new ProtectedResourceMetadataFilter(metadata), Priorities.AUTHENTICATION - 100);
      }
      // Built also when DPoP is off: an endpoint may ask for it with @RequiresScope(dpop = ...).
      DpopSettings dpop = new DpopSettings(config.dpop(),
          new DpopProofs(config.algorithms(), Clock.systemUTC(), config.clockSkew(),
              config.dpopNonceRequired() ? nonces(config) : null),
          String.join(" ", config.algorithms()), config.resource().orElse(null));
      if (config.dpopNonceRequired()) {
        context.register(new DpopNonceFilter());
      }
      GeneratedFilterFeature filters = new GeneratedFilterFeature(verifier, config.realm(),
          config.scopeInChallenge(), metadata, config.clockSkew(), dpop, certificateBinding(config));
      filters.checkRegistered(context.getConfiguration());
      context.register(filters);
    } catch (RuntimeException | Error e) {
      // An application that does not start gets no shutdown: its key loading ends here.
      verifier.close();
      verifiers.remove(verifier);
      throw e;
    }
    return true;
  }

  /**
   * Ends the background work of every application this feature protects: the threads that
   * load and refresh the issuers' signing keys. Jersey does this by itself when it stops an
   * application. On RESTEasy and other Jakarta REST implementations, call it when you stop
   * yours, after the server: from a {@code ServletContextListener}'s {@code contextDestroyed},
   * a CDI {@code @PreDestroy}, or where your code stops an embedded server. Otherwise the
   * threads (daemons) end with the JVM, and a container that redeploys applications keeps one
   * per issuer and deployment.
   *
   * <p>Requests that still arrive are verified with the keys loaded before, until they expire
   * from the key cache; none are fetched again. Calling it again does nothing.
   */
  @Override
  public void close() {
    for (TokenVerifier verifier : verifiers) {
      verifier.close();
      verifiers.remove(verifier);
    }
  }
}
