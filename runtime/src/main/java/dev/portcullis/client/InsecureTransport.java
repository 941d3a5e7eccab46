package dev.portcullis.client;

import dev.portcullis.internal.keys.UrlPolicy;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses plain-HTTP authorization server URLs, which would send client secrets, assertions and
 * tokens readable on the network, unless the host is this machine (development servers) or
 * the user explicitly allowed it.
 */
final class InsecureTransport {
  private InsecureTransport() {}

  /** Whether {@code uri} may be used: https, http to a loopback address, or allowed. */
  static boolean permits(URI uri, boolean allowInsecureHttp) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || allowInsecureHttp
        || (scheme.equals("http") && UrlPolicy.isLoopback(uri.getHost()));
  }

  static String problem(URI uri, String what, String howToAllow) {
    return "The " + what + " " + uri + " does not use https, so secrets and tokens would cross"
        + " the network unencrypted. Use an https URL, or on a trusted network " + howToAllow
        + ".";
  }
}
