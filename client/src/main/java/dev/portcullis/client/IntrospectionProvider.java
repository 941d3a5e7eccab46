package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.portcullis.PortcullisConfigException;
import dev.portcullis.internal.introspection.IntrospectionSettings;
import dev.portcullis.internal.introspection.Introspector;
import dev.portcullis.internal.introspection.IntrospectorFactory;

/**
 * Makes the token introspection calls (RFC 7662) of portcullis-runtime's resource server, which
 * finds this class with {@link java.util.ServiceLoader}; applications do not use it. The calls
 * are made with the OAuth 2.0 SDK and authenticate with a {@link ClientAuthentication}, so
 * that a resource server that does not introspect has neither on its class path.
 */
public final class IntrospectionProvider implements IntrospectorFactory {
  /** For {@link java.util.ServiceLoader}. */
  public IntrospectionProvider() {}

  /**
   * The introspector for {@code settings}.
   *
   * @throws PortcullisConfigException when the client authentication cannot be set up: a key
   *     file that cannot be read or parsed, a secret too short for {@code client_secret_jwt}
   */
  @Override
  public Introspector create(IntrospectionSettings settings) {
    ClientAuthentication authentication;
    try {
      ClientAuthenticationMethod method =
          ClientAuthenticationMethod.fromWireName(settings.method(), "portcullis.introspection-client-auth");
      switch (method) {
        case CLIENT_SECRET_BASIC:
          authentication = ClientAuthentication.clientSecretBasic(settings.clientSecret().orElse(null));
          break;
        case CLIENT_SECRET_POST:
          authentication = ClientAuthentication.clientSecretPost(settings.clientSecret().orElse(null));
          break;
        case CLIENT_SECRET_JWT:
          authentication = ClientAuthentication.clientSecretJwt(settings.clientSecret().orElse(null));
          break;
        case PRIVATE_KEY_JWT:
          authentication = ClientAuthentication.privateKeyJwt(
              ClientKey.fromFile(settings.privateKey().orElseThrow(), settings.keyId().orElse(null)));
          break;
        default:
          throw new PortcullisConfigException("The client authentication method " + method.wireName()
              + " in portcullis.introspection-client-auth cannot authenticate a resource server; use"
              + " client_secret_basic, client_secret_post, client_secret_jwt or private_key_jwt.");
      }
    } catch (ClientConfigurationException e) {
      throw new PortcullisConfigException("The introspection client authentication cannot be set up: "
          + e.getMessage());
    }
    return new HttpIntrospector(new ClientID(settings.clientId()), authentication, settings.httpTimeout());
  }
}
