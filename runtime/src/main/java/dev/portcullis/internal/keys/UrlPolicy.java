package dev.portcullis.internal.keys;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs Portcullis fetches keys and metadata from: https, or plain http to a loopback
 * host (127.0.0.0/8, ::1, localhost), unless insecure http is explicitly allowed.
 */
public final class UrlPolicy {
  private UrlPolicy() {}

  /** Whether fetching {@code uri} is allowed. */
  public static boolean isAllowed(URI uri, boolean allowInsecureHttp) {
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getScheme() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    return scheme.equals("http") && (allowInsecureHttp || isLoopback(uri.getHost()));
  }

  /** Whether {@code host} is localhost or a loopback IP literal; never resolves names. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")) {
      return true;
    }
    boolean ipv4 = h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean ipv6 = h.contains(":") && h.matches("[0-9a-f:.]+");
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      // Only literals reach this point, so no name lookup happens.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
