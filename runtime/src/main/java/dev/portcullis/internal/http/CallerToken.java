package dev.portcullis.internal.http;

/**
 * The verified access token of the request the current thread serves, for Portcullis' own
 * clients acting for the caller (RFC 8693 token exchange): set by {@link RequestGuard} once the
 * token is verified, cleared by {@link CallerTokenScope} when every request starts and when its
 * response is sent, so that it never outlives the request on a pooled thread. Not API: the
 * application never sees the token through it.
 */
public final class CallerToken {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private CallerToken() {}

  /** The verified token of the request this thread serves, or {@code null}. */
  public static String current() {
    return CURRENT.get();
  }

  static void set(String token) {
    CURRENT.set(token);
  }

  static void clear() {
    CURRENT.remove();
  }
}
