package dev.portcullis.internal.verification;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-issued DPoP nonces (RFC 9449 section 9), stateless: a nonce is the number of the
 * current {@link #PERIOD} and an HMAC-SHA256 of it under a key, so nothing is stored per
 * client. A nonce is accepted during its period and the next one, so every nonce lives between
 * one and two periods. The key is random, made at startup, so that only this instance accepts
 * its nonces; or derived from a configured shared secret, so that every instance with the same
 * secret accepts the others' nonces. Thread-safe.
 */
public final class DpopNonces {
  /** How often the nonce changes. */
  public static final Duration PERIOD = Duration.ofSeconds(60);
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final SecretKeySpec key;

  /** Nonces under a random key: only this instance accepts them, until it stops. */
  public DpopNonces(Clock clock) {
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /**
   * Nonces under a key derived from {@code sharedSecret}: every instance made with the same
   * secret accepts the nonces of the others. The key is an HMAC-SHA256 of a fixed label under
   * the secret, so a secret that is (wrongly) used elsewhere too does not sign these nonces.
   *
   * @param sharedSecret at least 32 bytes; the configuration checks that
   */
  public DpopNonces(Clock clock, byte[] sharedSecret) {
    this.clock = clock;
    this.key = new SecretKeySpec(hmac(new SecretKeySpec(sharedSecret, "HmacSHA256"),
        "portcullis DPoP nonce key".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
  }

  /** The nonce of the current period, for the {@code DPoP-Nonce} header. */
  public String current() {
    return nonce(period());
  }

  /** Whether {@code nonce} was issued by this instance in the current or the previous period. */
  boolean accepts(String nonce) {
    if (nonce == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (given.length != Long.BYTES + MAC_BYTES) {
      return false;
    }
    long period = ByteBuffer.wrap(given).getLong();
    long now = period();
    if (period != now && period != now - 1) {
      return false;
    }
    byte[] expected = Base64.getUrlDecoder().decode(nonce(period));
    return MessageDigest.isEqual(given, expected);
  }

  private long period() {
    return Math.floorDiv(clock.millis(), PERIOD.toMillis());
  }

  private String nonce(long period) {
    byte[] number = ByteBuffer.allocate(Long.BYTES).putLong(period).array();
    byte[] mac = hmac(key, number);
    return ENCODER.encodeToString(ByteBuffer.allocate(Long.BYTES + MAC_BYTES).put(number).put(mac, 0, MAC_BYTES)
        .array());
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return hmac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no HmacSHA256.", e);
    }
  }
}
