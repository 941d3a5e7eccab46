package dev.portcullis.internal.introspection;

/**
 * The introspection endpoint gave no usable answer. Not a verdict on the token. The message
 * says why for the log and never contains the token or a credential; no stack trace is kept.
 */
public final class IntrospectionFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean refused;

  /**
   * @param reason why, a sentence for the log
   * @param refused whether the endpoint refused the request itself (an HTTP 4xx status, such as
   *     401 for credentials it does not accept), which only a change of configuration mends
   */
  public IntrospectionFailedException(String reason, boolean refused) {
    super(reason, null, false, false);
    this.refused = refused;
  }

  /** Whether the endpoint refused the request itself (HTTP 4xx). */
  public boolean refused() {
    return refused;
  }
}
