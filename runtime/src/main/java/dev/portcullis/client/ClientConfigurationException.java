package dev.portcullis.client;

/**
 * OAuth client settings are missing or wrong. Thrown when the settings are built, before any
 * request is made; the message names the configuration key and says how to fix it.
 */
public final class ClientConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ClientConfigurationException(String message) {
    super(message);
  }

  ClientConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
