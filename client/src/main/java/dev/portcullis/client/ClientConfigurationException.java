package dev.portcullis.client;

import dev.portcullis.PortcullisConfigException;

/**
 * OAuth client settings are missing or wrong. Thrown when the settings are built, before any
 * request is made; the message names the configuration key and says how to fix it. With an
 * issuer, also thrown by the first token request when the discovered metadata names an endpoint
 * the client cannot use (no token endpoint, not an absolute http(s) URL, plain HTTP not
 * allowed): no retry can fix that, only the metadata or the client's configuration.
 *
 * <p>A {@link PortcullisConfigException}, as every configuration failure is.
 */
public final class ClientConfigurationException extends PortcullisConfigException {
  private static final long serialVersionUID = 1L;

  ClientConfigurationException(String message) {
    super(message);
  }

  ClientConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
