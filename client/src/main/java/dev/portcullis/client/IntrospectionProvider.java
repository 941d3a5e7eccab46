package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.portcullis.PortcullisConfigException;
import dev.portcullis.internal.introspection.IntrospectionSettings;
import dev.portcullis.internal.introspection.Introspector;
import dev.portcullis.internal.introspection.IntrospectorFactory;
import dev.portcullis.internal.settings.SettingsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes the token introspection calls (RFC 7662) of portcullis-runtime's resource server, which
 * finds this class with {@link java.util.ServiceLoader}; applications do not use it. The calls
 * are made with the OAuth 2.0 SDK and authenticate with a {@link ClientAuthentication}, over the
 * TLS of a {@link ClientTls} when one is configured (mutual TLS, RFC 8705, or a private CA), so
 * that a resource server that does not introspect has none of them on its class path.
 */
public final class IntrospectionProvider implements IntrospectorFactory {
  /** For {@link java.util.ServiceLoader}. */
  public IntrospectionProvider() {}

  /**
   * The introspector for {@code settings}.
   *
   * @throws PortcullisConfigException when the client authentication cannot be set up: a key
   *     file that cannot be read or parsed, a secret too short for {@code client_secret_jwt}, TLS
   *     files that cannot be read or a private key that does not belong to its certificate
   */
  @Override
  public Introspector create(IntrospectionSettings settings) {
    ClientTls tls = settings.tls().map(IntrospectionProvider::tls).orElse(null);
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
        case TLS_CLIENT_AUTH:
          authentication = ClientAuthentication.tlsClientAuth();
          break;
        case SELF_SIGNED_TLS_CLIENT_AUTH:
          authentication = ClientAuthentication.selfSignedTlsClientAuth();
          break;
        default:
          throw new PortcullisConfigException("The client authentication method " + method.wireName()
              + " in portcullis.introspection-client-auth cannot authenticate a resource server; use one of "
              + String.join(", ", IntrospectionSettings.METHODS) + ".");
      }
    } catch (ClientConfigurationException e) {
      throw new PortcullisConfigException("The introspection client authentication cannot be set up: "
          + e.getMessage());
    }
    return new HttpIntrospector(new ClientID(settings.clientId()), authentication, settings.httpTimeout(),
        tls == null ? null : tls.sslContext());
  }

  /**
   * The TLS of the settings, its files read and checked.
   *
   * @throws PortcullisConfigException naming the settings and the file, never the key or password
   */
  private static ClientTls tls(IntrospectionSettings.Tls settings) {
    List<String> keys = new ArrayList<>();
    try {
      ClientTls tls = null;
      if (settings.keyStore() != null) {
        keys.addAll(List.of("introspection-tls-keystore", "introspection-tls-keystore-password"));
        tls = ClientTls.fromPkcs12(settings.keyStore(), settings.keyStorePassword().toCharArray());
      } else if (settings.certificate() != null) {
        keys.addAll(List.of("introspection-tls-certificate", "introspection-tls-private-key"));
        tls = ClientTls.fromPem(settings.certificate(), settings.privateKey());
      }
      if (settings.trustedCertificates() != null) {
        keys.clear();
        keys.add("introspection-tls-trusted-certificates");
        tls = tls == null ? ClientTls.trustingOnly(settings.trustedCertificates())
            : tls.trusting(settings.trustedCertificates());
      }
      return tls;
    } catch (ClientConfigurationException e) {
      throw new PortcullisConfigException("The introspection TLS settings (" + keys.stream()
          .map(SettingsSource::propertyName).collect(Collectors.joining(", ")) + ") cannot be used: " + e.getMessage());
    }
  }
}
