package dev.portcullis;

/**
 * Thrown at startup when the Portcullis configuration is missing or wrong. The message is
 * a full sentence that names the configuration key and says how to fix it, for example:
 *
 * <pre>
 * portcullis.clock-skew is "abc", which is not a duration; use a value such as 30s, 5m or PT1M.
 * </pre>
 *
 * <p>It extends {@link IllegalStateException} so that callers that only know the JDK
 * exception still see a configuration failure as a failed start. It is the one type of every
 * configuration failure, the resource server's and the clients' ({@code
 * dev.portcullis.client.ClientConfigurationException}) alike.
 */
public class PortcullisConfigException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the key and the fix. */
  public PortcullisConfigException(String message) {
    super(message);
  }

  /** Creates the exception with a message naming the key and the fix, and its cause. */
  protected PortcullisConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
