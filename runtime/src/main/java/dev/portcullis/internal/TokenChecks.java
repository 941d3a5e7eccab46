package dev.portcullis.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import dev.portcullis.PortcullisConfig;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full check of one token, in this order: the JWS header ({@code typ} and an allowed
 * asymmetric algorithm), the signature with a key from the issuer's JWKS that is strong
 * enough ({@link KeyStrength}), then the claims
 * ({@link ClaimsReader}: types, {@code iss}, {@code aud}, {@code exp}, {@code nbf}, and no
 * ID token claims unless {@code typ} says access token).
 * Thread-safe.
 *
 * <p>Nimbus does the JOSE work: it parses the header and the payload JSON, verifies the
 * {@code typ} ({@link DefaultJOSEObjectTypeVerifier}), selects the key from the JWKS, with its
 * refetch on an unknown {@code kid} ({@link CachedKeySelector}), and checks the signature,
 * including the {@code crit} rule (its {@code JWSVerifier}s). What this class does instead of
 * Nimbus' {@code DefaultJWTProcessor} makes the check cheaper without making it more lenient:
 * <ul>
 *   <li>the token is split once, and its parts are decoded by the JDK ({@link JdkBase64Url});
 *   <li>the signature is checked over the token's own first two segments, and only then is
 *       the payload decoded and parsed: a forged token's claims are never read;
 *   <li>the claims are checked on the parsed JSON object, with no {@code JWTClaimsSet} built
 *       from it and no copies made for the claims verifier;
 *   <li>Java keys and verifiers are built once per key ({@link CachedKeySelector}, {@link
 *       CachedVerifierFactory}), and the parsed header of a token that passed is remembered
 *       by its text, since an issuer sends the same header with every token it signs with
 *       one key.
 * </ul>
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every token
 * it does not accept, and {@link KeysUnavailableException} when it cannot judge one because the
 * keys are not at hand; never a runtime exception for token input. Nothing here logs token
 * content.
 */
final class TokenChecks {
  private static final System.Logger LOG = System.getLogger(TokenChecks.class.getName());
  /** How many distinct headers are remembered; more than issuers times keys in real use. */
  static final int MAX_HEADERS = 16;

  private final DefaultJOSEObjectTypeVerifier<SecurityContext> typeVerifier;
  private final CachedKeySelector keySelector;
  private final CachedVerifierFactory verifiers = new CachedVerifierFactory();
  private final ClaimsReader claims;
  private final Clock clock;
  private final Map<String, JWSHeader> knownHeaders = new ConcurrentHashMap<>();
  private final AtomicLong lastUnavailableWarning = new AtomicLong();
  private final AtomicLong lastNotRefetchedWarning = new AtomicLong();
  private final AtomicLong lastWeakKeyWarning = new AtomicLong();

  TokenChecks(PortcullisConfig config, JWKSource<SecurityContext> keys, Clock clock) {
    this.typeVerifier = typeVerifier(config.strictTokenType());
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    config.algorithms().forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    this.keySelector = new CachedKeySelector(algorithms, keys);
    this.claims = new ClaimsReader(config.issuer().map(Object::toString).orElse(null), config.audience(),
        config.clockSkew().toMillis());
    this.clock = clock;
  }

  private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
  private static final JOSEObjectType APPLICATION_AT_JWT = new JOSEObjectType("application/at+jwt");

  private static DefaultJOSEObjectTypeVerifier<SecurityContext> typeVerifier(boolean strict) {
    return strict
        ? new DefaultJOSEObjectTypeVerifier<>(AT_JWT, APPLICATION_AT_JWT)
        : new DefaultJOSEObjectTypeVerifier<>(AT_JWT, APPLICATION_AT_JWT, JOSEObjectType.JWT, null);
  }

  /** Whether {@code typ} says RFC 9068 access token (compared case-insensitively, as Nimbus does). */
  private static boolean typedAccessToken(JOSEObjectType type) {
    return AT_JWT.equals(type) || APPLICATION_AT_JWT.equals(type);
  }

  /** A token that passed every check, and the key that verified its signature. */
  record Verified(VerifiedToken token, JWK key) {}

  /**
   * Verifies {@code token} from scratch.
   *
   * @throws TokenRejectedException with a description safe to send to the client
   * @throws KeysUnavailableException when the keys needed to judge the token are not at hand
   */
  Verified verify(String token) throws TokenRejectedException, KeysUnavailableException {
    try {
      return check(token);
    } catch (RefetchBudget.Spent e) {
      // Only a fetch can be refused, and with a key set in the cache only an unknown kid fetches.
      warnAtMostEvery30s(lastNotRefetchedWarning, "Portcullis rejected a token signed with a key that is not in"
          + " the key set, without fetching the set again: {0}", e);
      throw new TokenRejectedException(TokenRejectedException.UNKNOWN_KEY_NOT_REFETCHED);
    } catch (KeySetLoader.NotLoaded e) {
      throw new KeysUnavailableException(e.retryAfter()); // the loader logs why
    } catch (KeySourceException e) {
      warnAtMostEvery30s(lastUnavailableWarning, "Portcullis could not judge a token because the signing keys are"
          + " unavailable: {0}", e);
      throw new KeysUnavailableException(RefetchBudget.REFILL);
    } catch (JOSEException | RuntimeException e) {
      // Unexpected input the libraries did not classify: reject, never answer 500.
      LOG.log(System.Logger.Level.DEBUG, "Token rejected by {0}.", e.getClass().getName());
      throw new TokenRejectedException("The token is invalid.");
    }
  }

  private Verified check(String token) throws TokenRejectedException, JOSEException {
    int headerEnd = token.indexOf('.');
    int payloadEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
    if (payloadEnd < 0 || token.indexOf('.', payloadEnd + 1) >= 0) {
      throw new TokenRejectedException(whyNotSigned(token));
    }
    String headerText = token.substring(0, headerEnd);
    JWSHeader header = knownHeaders.get(headerText);
    boolean known = header != null;
    if (!known) {
      header = parseHeader(token, headerText);
    }
    try {
      typeVerifier.verify(header.getType(), null);
    } catch (BadJOSEException e) {
      throw new TokenRejectedException("The token type (typ header) is not accepted for access tokens.");
    }
    List<CachedKeySelector.Candidate> keys = keySelector.candidates(header, null);
    if (keys.isEmpty()) {
      throw new TokenRejectedException("The token is not signed with an accepted algorithm and a known key.");
    }
    keys = KeyStrength.strongOnly(keys);
    if (keys.isEmpty()) {
      warnWeakKey(header.getKeyID());
      throw new TokenRejectedException("The token is signed with an RSA key shorter than "
          + KeyStrength.MIN_RSA_BITS + " bits, which is not accepted.");
    }
    byte[] signingInput = token.substring(0, payloadEnd).getBytes(StandardCharsets.UTF_8);
    Base64URL signature = new JdkBase64Url(token.substring(payloadEnd + 1));
    JWK signer = signerAmong(keys, header, signingInput, signature);
    if (signer == null) {
      throw new TokenRejectedException("The token signature is invalid.");
    }
    if (!known) {
      remember(headerText, header);
    }
    Map<String, Object> payload;
    try {
      payload = JSONObjectUtils.parse(new String(
          Base64.getUrlDecoder().decode(token.substring(headerEnd + 1, payloadEnd)), StandardCharsets.UTF_8));
    } catch (ParseException | IllegalArgumentException e) {
      throw new TokenRejectedException("The token's payload is not a JSON object of claims.");
    }
    return new Verified(claims.read(payload, clock.millis(), typedAccessToken(header.getType())), signer);
  }

  /**
   * The header of a JWS; a token whose header is not a JWS header (or not JSON, or not
   * base64url) is rejected with what it is instead. A JWS with an unencoded payload (RFC 7797)
   * is not a JWT and is rejected too.
   */
  private static JWSHeader parseHeader(String token, String headerText) throws TokenRejectedException {
    JWSHeader header;
    try {
      header = JWSHeader.parse(new JdkBase64Url(headerText));
    } catch (ParseException | RuntimeException e) {
      throw new TokenRejectedException(whyNotSigned(token));
    }
    if (!header.isBase64URLEncodePayload()) {
      throw new TokenRejectedException("The token is not a well-formed JWT.");
    }
    return header;
  }

  /** The JWK whose key verifies {@code signature}, or {@code null} when none does. */
  private JWK signerAmong(List<CachedKeySelector.Candidate> keys, JWSHeader header, byte[] signingInput,
      Base64URL signature) throws JOSEException {
    for (CachedKeySelector.Candidate candidate : keys) {
      JWSVerifier verifier = verifiers.createJWSVerifier(header, candidate.key());
      if (verifier.verify(header, signingInput, signature)) {
        return candidate.jwk();
      }
    }
    return null;
  }

  /**
   * Remembers the parsed header of a token whose signature was verified, so only the issuer's
   * own headers are kept: forged tokens cannot fill the map. Past {@value #MAX_HEADERS} (keys
   * rotated many times) it starts afresh.
   */
  private void remember(String headerText, JWSHeader header) {
    if (knownHeaders.size() >= MAX_HEADERS) {
      knownHeaders.clear();
    }
    knownHeaders.put(headerText, header);
  }

  /** For tests: how many parsed headers are remembered. */
  int rememberedHeaders() {
    return knownHeaders.size();
  }

  /** Only for tokens that are not a JWS: says what they are instead. */
  private static String whyNotSigned(String token) {
    try {
      JWT jwt = JWTParser.parse(token);
      if (jwt instanceof PlainJWT) {
        return "Unsigned tokens are not accepted.";
      }
      if (jwt instanceof EncryptedJWT) {
        return "Encrypted tokens are not accepted.";
      }
    } catch (ParseException | RuntimeException e) {
      // falls through to the generic answer
    }
    return "The token is not a well-formed JWT.";
  }

  private void warnWeakKey(String keyId) {
    if (dueForWarning(lastWeakKeyWarning)) {
      LOG.log(System.Logger.Level.WARNING, "Portcullis rejects tokens signed with the issuer key {0}: it is an RSA"
          + " key shorter than {1} bits. Have the authorization server sign with a longer key.",
          keyId == null ? "without a kid" : keyId, String.valueOf(KeyStrength.MIN_RSA_BITS));
    }
  }

  /** Logs {@code pattern} with a description of {@code e}, at most once per 30 s per {@code lastWarning}. */
  private static void warnAtMostEvery30s(AtomicLong lastWarning, String pattern, KeySourceException e) {
    if (dueForWarning(lastWarning)) {
      LOG.log(System.Logger.Level.WARNING, pattern, describe(e));
    }
  }

  /** At most one warning of a kind every 30 seconds, so a flood of bad tokens cannot flood the log. */
  private static boolean dueForWarning(AtomicLong lastMillis) {
    long now = System.currentTimeMillis();
    long last = lastMillis.get();
    return now - last > 30_000 && lastMillis.compareAndSet(last, now);
  }

  /** The messages of {@code e} and its causes; a class name where there is none, never "null". */
  static String describe(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null && parts.size() < 5; t = t.getCause()) {
      String message = t.getMessage();
      parts.add(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
    }
    return String.join("; caused by: ", parts);
  }
}
