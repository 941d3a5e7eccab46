package dev.portcullis;

import dev.portcullis.internal.settings.SettingsSource;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code algorithms} setting: which JWS algorithms may sign an access token. Only
 * asymmetric ones Portcullis verifies without extra libraries can be listed; {@code none}
 * and HMAC never can, since an HMAC key would be the public key any client can read.
 */
final class JwsAlgorithms {
  /**
   * The algorithms Portcullis can verify, and the default; EdDSA and Ed25519 with Ed25519 keys
   * only (RFC 8037, RFC 9864), verified by the JDK.
   */
  static final Set<String> SUPPORTED = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519")));

  private JwsAlgorithms() {}

  /** The comma-separated list {@code text}, or {@code null} when it is unset. */
  static Set<String> parse(String text) {
    if (text == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /**
   * The accepted algorithms: {@code requested}, or all supported ones when it is {@code null}.
   *
   * @throws PortcullisConfigException when the list is empty or names one not supported
   */
  static Set<String> checked(Set<String> requested) {
    if (requested == null) {
      return SUPPORTED;
    }
    if (requested.isEmpty()) {
      throw new PortcullisConfigException(SettingsSource.propertyName("algorithms")
          + " is empty; list at least one of " + String.join(", ", SUPPORTED) + ", or leave it unset.");
    }
    for (String alg : requested) {
      if (!SUPPORTED.contains(alg)) {
        throw new PortcullisConfigException(SettingsSource.propertyName("algorithms") + " lists \"" + alg
            + "\", which Portcullis does not accept (none and HMAC algorithms are never accepted for access tokens);"
            + " use only " + String.join(", ", SUPPORTED) + ".");
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(requested));
  }
}
