package dev.portcullis.internal.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TrustedIssuer;
import dev.portcullis.internal.keys.KeySetLoader;
import dev.portcullis.internal.keys.RefetchBudget;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full check of one token by Nimbus' {@link DefaultJWTProcessor}, configured once with
 * Portcullis' parts: the {@code typ} rule ({@link DefaultJOSEObjectTypeVerifier}), the key
 * selector ({@link CachedKeySelector}: Java keys once per JWK, the refetch on an unknown
 * {@code kid} within its budget) with RSA keys under {@value KeyStrength#MIN_RSA_BITS} bits
 * left out ({@link KeyStrength}), the verifier factory ({@link CachedVerifierFactory}, with
 * Ed25519 by the JDK), and a claims verifier that applies {@link ClaimsReader}'s rules. The
 * processor decides the order: {@code typ}, key selection, the signature with each selected
 * key, then the claims. Thread-safe.
 *
 * <p>Two things differ from the processor's defaults, neither more lenient:
 * <ul>
 *   <li>The token's parts are decoded by the JDK ({@link JdkBase64Url}), which is faster than
 *       Nimbus' constant-time codec and rejects characters outside the base64url alphabet.
 *   <li>The processor reads the claims before the signature, for key selectors that need
 *       them; this one does not, so the payload is parsed only once the signature is
 *       verified (a forged token's claims are never read), and judged on the parsed JSON
 *       object: a {@link JWTClaimsSet} would already have dropped what the rules look at
 *       (a fraction of a second in {@code exp}, the type of a malformed claim).
 * </ul>
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every token
 * it does not accept, and {@link KeysUnavailableException} when it cannot judge one because the
 * keys are not at hand; never a runtime exception for token input. Nothing here logs token
 * content.
 */
final class TokenChecks {
  private static final System.Logger LOG = System.getLogger(TokenChecks.class.getName());
  private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
  private static final JOSEObjectType APPLICATION_AT_JWT = new JOSEObjectType("application/at+jwt");
  /** Stands for the claims until the signature is verified; see {@link SignatureFirst}. */
  private static final JWTClaimsSet NOT_READ_YET = new JWTClaimsSet.Builder().build();

  private final DefaultJWTProcessor<Token> processor = new SignatureFirst();
  private final CachedKeySelector keySelector;
  private final ClaimsReader claims;
  private final Clock clock;
  private final AtomicLong lastUnavailableWarning = new AtomicLong();
  private final AtomicLong lastNotRefetchedWarning = new AtomicLong();
  private final AtomicLong lastWeakKeyWarning = new AtomicLong();

  /** The checks of {@code config}'s only trusted issuer. */
  TokenChecks(PortcullisConfig config, JWKSource<SecurityContext> keys, Clock clock) {
    this(config, config.trustedIssuers().get(0), keys, clock);
  }

  /** The checks of {@code issuer}, one of {@code config}'s trusted issuers, with its keys. */
  TokenChecks(PortcullisConfig config, TrustedIssuer issuer, JWKSource<SecurityContext> keys, Clock clock) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    config.algorithms().forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    this.keySelector = new CachedKeySelector(algorithms, keys);
    this.claims = ClaimsReader.of(config, issuer);
    this.clock = clock;
    processor.setJWSTypeVerifier(typeVerifier(config.strictTokenType()));
    processor.setJWSKeySelector(this::strongKeys);
    processor.setJWSVerifierFactory(new CachedVerifierFactory());
    processor.setJWTClaimsSetVerifier(claimsVerifier());
  }

  /**
   * What the processor's parts learn about one token on its way through, passed to each of
   * them as the processor's security context.
   */
  private static final class Token implements SecurityContext {
    final SignedJWT jwt;
    /** The claims, when they had to be read before the signature to choose the issuer. */
    final Map<String, Object> claimsReadEarly;
    /** The JWK of the selected keys; every selected key comes from one fetched key set. */
    JWK keySetMember;
    boolean onlyWeakKeys;
    VerifiedToken verified;

    Token(SignedJWT jwt, Map<String, Object> claimsReadEarly) {
      this.jwt = jwt;
      this.claimsReadEarly = claimsReadEarly;
    }
  }

  /**
   * A {@link BadJWTException} whose message is the rejection the client is told: only the
   * processor's parts throw it, and they never put token content in it.
   */
  private static final class Rejection extends BadJWTException {
    private static final long serialVersionUID = 1L;

    Rejection(String description) {
      super(description);
    }
  }

  private static JOSEObjectTypeVerifier<Token> typeVerifier(boolean strict) {
    DefaultJOSEObjectTypeVerifier<Token> nimbus = strict
        ? new DefaultJOSEObjectTypeVerifier<>(AT_JWT, APPLICATION_AT_JWT)
        : new DefaultJOSEObjectTypeVerifier<>(AT_JWT, APPLICATION_AT_JWT, JOSEObjectType.JWT, null);
    return (type, token) -> {
      try {
        nimbus.verify(type, token);
      } catch (BadJOSEException e) {
        throw new Rejection("The token type (typ header) is not accepted for access tokens.");
      }
    };
  }

  /** The keys {@link CachedKeySelector} selects, without the ones {@link KeyStrength} refuses. */
  private List<Key> strongKeys(JWSHeader header, Token token) throws KeySourceException {
    List<CachedKeySelector.Candidate> selected = keySelector.candidates(header, null);
    List<CachedKeySelector.Candidate> strong = KeyStrength.strongOnly(selected);
    if (strong.isEmpty()) {
      token.onlyWeakKeys = !selected.isEmpty();
      return List.of();
    }
    token.keySetMember = strong.get(0).jwk();
    List<Key> keys = new ArrayList<>(strong.size());
    for (CachedKeySelector.Candidate candidate : strong) {
      keys.add(candidate.key());
    }
    return keys;
  }

  /** {@link ClaimsReader}'s rules on the claims as parsed, once the signature is verified. */
  private JWTClaimsSetVerifier<Token> claimsVerifier() {
    return (notRead, token) -> {
      try {
        Map<String, Object> payload = token.claimsReadEarly != null ? token.claimsReadEarly : payload(token.jwt);
        token.verified = claims.read(payload, clock.millis(), typedAccessToken(token.jwt.getHeader().getType()));
      } catch (TokenRejectedException e) {
        throw new Rejection(e.getMessage());
      }
    };
  }

  /** The token's claims as parsed, without any check. */
  static Map<String, Object> payload(SignedJWT jwt) throws TokenRejectedException {
    try {
      return JSONObjectUtils.parse(jwt.getParsedParts()[1].decodeToString());
    } catch (ParseException | IllegalArgumentException e) {
      throw new TokenRejectedException("The token's payload is not a JSON object of claims.");
    }
  }

  /** A token that passed every check, and a key of the key set that vouched for it. */
  record Verified(VerifiedToken token, JWK key) {}

  /** Whether {@code typ} says RFC 9068 access token (compared case-insensitively, as Nimbus does). */
  private static boolean typedAccessToken(JOSEObjectType type) {
    return AT_JWT.equals(type) || APPLICATION_AT_JWT.equals(type);
  }

  /**
   * The processor, with the claims left unread until the signature is verified. Its own order
   * reads them first because a {@code JWTClaimsSetAwareJWSKeySelector} may need them; no such
   * selector is set here, and the claims verifier parses the payload itself.
   */
  private static final class SignatureFirst extends DefaultJWTProcessor<Token> {
    @Override
    protected JWTClaimsSet extractJWTClaimsSet(JWT jwt) {
      return NOT_READ_YET;
    }
  }

  /**
   * Verifies {@code token} from scratch.
   *
   * @throws TokenRejectedException with a description safe to send to the client
   * @throws KeysUnavailableException when the keys needed to judge the token are not at hand
   */
  Verified verify(String token) throws TokenRejectedException, KeysUnavailableException {
    return verify(parse(token), null);
  }

  /**
   * Verifies {@code jwt}, parsed by {@link #parse}, whose claims {@code claimsReadEarly} are
   * when they were read to choose its issuer ({@code null} otherwise).
   */
  Verified verify(SignedJWT jwt, Map<String, Object> claimsReadEarly)
      throws TokenRejectedException, KeysUnavailableException {
    Token parsed = new Token(jwt, claimsReadEarly);
    try {
      processor.process(parsed.jwt, parsed);
      return new Verified(parsed.verified, parsed.keySetMember);
    } catch (Rejection e) {
      throw new TokenRejectedException(e.getMessage());
    } catch (BadJWSException e) {
      throw new TokenRejectedException("The token signature is invalid.");
    } catch (BadJOSEException e) {
      // The processor's only other rejection: no key left after selection.
      if (parsed.onlyWeakKeys) {
        warnWeakKey(parsed.jwt.getHeader().getKeyID());
        throw new TokenRejectedException("The token is signed with an RSA key shorter than "
            + KeyStrength.MIN_RSA_BITS + " bits, which is not accepted.");
      }
      throw new TokenRejectedException("The token is not signed with an accepted algorithm and a known key.");
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

  /**
   * The token as a JWS whose parts the JDK decodes. A token that is not a JWS (or whose header
   * is not JSON, or not base64url) is rejected with what it is instead; so is a JWS with an
   * unencoded payload (RFC 7797), which is not a JWT.
   */
  static SignedJWT parse(String token) throws TokenRejectedException {
    int headerEnd = token.indexOf('.');
    int payloadEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
    if (payloadEnd < 0 || token.indexOf('.', payloadEnd + 1) >= 0) {
      throw new TokenRejectedException(whyNotSigned(token));
    }
    SignedJWT jwt;
    try {
      jwt = new SignedJWT(new JdkBase64Url(token.substring(0, headerEnd)),
          new JdkBase64Url(token.substring(headerEnd + 1, payloadEnd)), new JdkBase64Url(token.substring(payloadEnd + 1)));
    } catch (ParseException | RuntimeException e) {
      throw new TokenRejectedException(whyNotSigned(token));
    }
    if (!jwt.getHeader().isBase64URLEncodePayload()) {
      throw new TokenRejectedException("The token is not a well-formed JWT.");
    }
    return jwt;
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
      LOG.log(System.Logger.Level.WARNING, pattern, KeySetLoader.describe(e));
    }
  }

  /** At most one warning of a kind every 30 seconds, so a flood of bad tokens cannot flood the log. */
  private static boolean dueForWarning(AtomicLong lastMillis) {
    long now = System.currentTimeMillis();
    long last = lastMillis.get();
    return now - last > 30_000 && lastMillis.compareAndSet(last, now);
  }
}
