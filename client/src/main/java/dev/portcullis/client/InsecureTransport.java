package dev.portcullis.client;

import dev.portcullis.internal.keys.UrlPolicy;
import java.net.URI;

/**
 * Refuses plain-HTTP authorization server URLs, which would send client secrets, assertions and
 * tokens readable on the network, unless the host is this machine (development servers) or
 * the user explicitly allowed it.
 */
final class InsecureTransport {
  private InsecureTransport() {}

  /**
   * Whether the http(s) URL {@code uri} may be used: https, http to a loopback address, or
   * allowed; the resource server's rule for its key and metadata URLs ({@link UrlPolicy}).
   */
  static boolean permits(URI uri, boolean allowInsecureHttp) {
    return UrlPolicy.isAllowed(uri, allowInsecureHttp);
  }

  static String problem(URI uri, String what, String howToAllow) {
    return "The " + what + " " + uri + " does not use https, so secrets and tokens would cross"
        + " the network unencrypted. Use an https URL, or on a trusted network " + howToAllow
        + ".";
  }
}
