package dev.portcullis.internal.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks DPoP proofs (RFC 9449 section 4.3) for a protected resource (section 7): one proof,
 * {@code typ} {@code dpop+jwt}, an allowed asymmetric {@code alg}, a public {@code jwk} in
 * the header that verifies the signature, {@code htm} and {@code htu} equal to the request's,
 * {@code iat} within the window, a {@code jti} not seen within the window, and {@code ath}
 * equal to the hash of the access token. Answers the proof key's RFC 7638 thumbprint, which
 * the caller compares with the token's {@code cnf.jkt}.
 *
 * <p>A proof is accepted when its {@code iat} is at most {@link #MAX_AGE} plus the clock skew
 * old and at most the clock skew ahead. Each accepted {@code jti} is remembered, with the key's
 * thumbprint, for as long as its proof could be accepted, in a cache bounded to {@link
 * #REPLAY_CACHE_SIZE} entries; only SHA-256 hashes are kept. The key of each verified proof is
 * remembered by its header ({@link ProofKeys}), so that a client's next proof costs its
 * signature check and the claim checks, without building its key again. Thread-safe.
 */
public final class DpopProofs {
  /** How old a proof may be, beyond the clock skew. */
  public static final Duration MAX_AGE = Duration.ofSeconds(60);
  /** How many recent proofs are remembered against replay. */
  static final int REPLAY_CACHE_SIZE = 100_000;
  /** Longer {@code jti} values are refused: 256 characters are far beyond any random identifier. */
  private static final int MAX_JTI_LENGTH = 256;
  private static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");

  private final Set<String> algorithms;
  private final Clock clock;
  private final Duration clockSkew;
  private final Cache<String, Boolean> seen;
  private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
  private final DpopNonces nonces;
  private final ProofKeys keys = new ProofKeys();

  /**
   * @param algorithms the accepted {@code alg} values, all asymmetric
   * @param clock the time {@code iat} is measured against
   * @param clockSkew how far a client's clock may be off
   */
  public DpopProofs(Set<String> algorithms, Clock clock, Duration clockSkew) {
    this(algorithms, clock, clockSkew, null);
  }

  /**
   * @param nonces the server nonces every proof must carry one of, or {@code null} for none
   */
  public DpopProofs(Set<String> algorithms, Clock clock, Duration clockSkew, DpopNonces nonces) {
    this.nonces = nonces;
    this.algorithms = Set.copyOf(algorithms);
    this.clock = clock;
    this.clockSkew = clockSkew;
    this.seen = Caffeine.newBuilder()
        .maximumSize(REPLAY_CACHE_SIZE)
        .expireAfterWrite(MAX_AGE.plus(clockSkew).plus(clockSkew))
        .build();
  }

  /**
   * Checks the proof of one request and remembers its {@code jti}.
   *
   * @param proofs every {@code DPoP} header value of the request, or {@code null}
   * @param method the request's method
   * @param htu the request's URI as the client addressed it, normalised by {@link #htu(URI)}
   * @param accessToken the access token the request presented
   * @return the RFC 7638 SHA-256 thumbprint of the proof's key, base64url-encoded
   * @throws InvalidDpopProofException when any check fails; its message names the check
   */
  public String verify(List<String> proofs, String method, String htu, String accessToken)
      throws InvalidDpopProofException {
    if (proofs == null || proofs.isEmpty()) {
      throw new InvalidDpopProofException("The request has no DPoP proof; send one DPoP header with a proof for this"
          + " request.");
    }
    if (proofs.size() > 1 || proofs.get(0).indexOf(',') >= 0) {
      throw new InvalidDpopProofException("The request has more than one DPoP proof; send exactly one.");
    }
    String compact = proofs.get(0).strip();
    String[] parts = parts(compact);
    // A client's proofs repeat its header: one seen in a verified proof comes with its key.
    ProofKeys.ProofKey known = parts == null ? null : keys.find(parts[0]);
    SignedJWT proof = null;
    JWSHeader header;
    JWTClaimsSet claims;
    try {
      if (known != null) {
        header = known.header();
        claims = JWTClaimsSet.parse(new Base64URL(parts[1]).decodeToString());
      } else {
        proof = SignedJWT.parse(compact);
        header = proof.getHeader();
        claims = proof.getJWTClaimsSet();
      }
    } catch (ParseException e) {
      throw new InvalidDpopProofException("The DPoP proof is not a signed JWT with a public jwk in its header.");
    }
    if (!TYPE.equals(header.getType())) {
      throw new InvalidDpopProofException("The DPoP proof's typ is not dpop+jwt.");
    }
    JWSAlgorithm alg = header.getAlgorithm();
    if (!algorithms.contains(alg.getName())) {
      throw new InvalidDpopProofException("The DPoP proof is signed with an algorithm this API does not accept;"
          + " use one of the algs in the challenge.");
    }
    JWK jwk = header.getJWK();
    if (jwk == null || jwk.isPrivate()) {
      throw new InvalidDpopProofException("The DPoP proof's header has no public jwk.");
    }
    String thumbprint;
    if (known != null) {
      if (!verifies(known.verifier(), header, parts)) {
        throw new InvalidDpopProofException("The DPoP proof's signature does not verify with its jwk.");
      }
      thumbprint = known.thumbprint();
    } else {
      JWSVerifier verifier = verifier(header, jwk);
      if (verifier == null || !verifies(verifier, proof)) {
        throw new InvalidDpopProofException("The DPoP proof's signature does not verify with its jwk.");
      }
      try {
        thumbprint = jwk.computeThumbprint("SHA-256").toString();
      } catch (JOSEException e) {
        throw new InvalidDpopProofException("The DPoP proof's jwk has no thumbprint.");
      }
      if (parts != null && header.isBase64URLEncodePayload()) {
        keys.remember(parts[0], new ProofKeys.ProofKey(header, verifier, thumbprint));
      }
    }
    if (!method.equals(text(claims, "htm"))) {
      throw new InvalidDpopProofException("The DPoP proof's htm is not this request's method.");
    }
    String proofHtu = text(claims, "htu");
    if (proofHtu == null || !htu.equals(normalisedOrNull(proofHtu))) {
      throw new InvalidDpopProofException("The DPoP proof's htu is not this request's URI.");
    }
    Date issued = claims.getIssueTime();
    Instant now = clock.instant();
    if (issued == null) {
      throw new InvalidDpopProofException("The DPoP proof has no iat.");
    }
    if (issued.toInstant().isAfter(now.plus(clockSkew))
        || issued.toInstant().isBefore(now.minus(MAX_AGE).minus(clockSkew))) {
      throw new InvalidDpopProofException("The DPoP proof's iat is not recent; make a new proof for each request.");
    }
    String ath = text(claims, "ath");
    if (ath == null) {
      throw new InvalidDpopProofException("The DPoP proof has no ath.");
    }
    if (!ath.equals(hash(accessToken))) {
      throw new InvalidDpopProofException("The DPoP proof's ath is not the hash of the access token.");
    }
    if (nonces != null && !nonces.accepts(text(claims, "nonce"))) {
      throw new InvalidDpopProofException(text(claims, "nonce") == null
          ? "The DPoP proof has no nonce, which this API requires; make a new proof with the nonce in the DPoP-Nonce"
              + " header."
          : "The DPoP proof's nonce is not current; make a new proof with the nonce in the DPoP-Nonce header.", true);
    }
    String jti = text(claims, "jti");
    if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
      throw new InvalidDpopProofException("The DPoP proof has no jti, or one longer than 256 characters.");
    }
    if (seen.asMap().putIfAbsent(hash(thumbprint + '.' + jti), Boolean.TRUE) != null) {
      throw new InvalidDpopProofException("The DPoP proof was used before; make a new proof for each request.");
    }
    return thumbprint;
  }

  /**
   * {@code uri} as RFC 9449 section 4.3 compares {@code htu}: without query and fragment,
   * scheme and host in lower case, no default port, dot segments removed, an empty path as
   * {@code /} (RFC 3986 section 6.2.2 and 6.2.3).
   *
   * @throws IllegalArgumentException when {@code uri} is not an absolute http(s) URI
   */
  public static String htu(URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("The URI " + uri + " is not an absolute http or https URI.");
    }
    int port = uri.getPort();
    if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String userInfo = uri.getRawUserInfo();
    String authority = (userInfo == null ? "" : userInfo + "@") + uri.getHost().toLowerCase(Locale.ROOT)
        + (port == -1 ? "" : ":" + port);
    try {
      return new URI(scheme + "://" + authority + upperPercentEncoding(path)).normalize().toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("The URI " + uri + " is not an absolute http or https URI.", e);
    }
  }

  private static String normalisedOrNull(String text) {
    try {
      return htu(new URI(text));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String upperPercentEncoding(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    StringBuilder out = new StringBuilder(path);
    for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
      out.setCharAt(i + 1, Character.toUpperCase(path.charAt(i + 1)));
      out.setCharAt(i + 2, Character.toUpperCase(path.charAt(i + 2)));
    }
    return out.toString();
  }

  /** The three parts of a compact JWS, or {@code null} when it has not exactly three. */
  private static String[] parts(String compact) {
    int first = compact.indexOf('.');
    int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (first <= 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
      return null;
    }
    return new String[] {compact.substring(0, first), compact.substring(first + 1, second),
        compact.substring(second + 1)};
  }

  /** Whether {@code verifier}, remembered for this header, verifies the proof made of {@code parts}. */
  private static boolean verifies(JWSVerifier verifier, JWSHeader header, String[] parts) {
    try {
      byte[] signingInput = (parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII);
      return verifier.supportedJWSAlgorithms().contains(header.getAlgorithm())
          && verifier.verify(header, signingInput, new Base64URL(parts[2]));
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  private static boolean verifies(JWSVerifier verifier, SignedJWT proof) {
    try {
      return verifier.supportedJWSAlgorithms().contains(proof.getHeader().getAlgorithm()) && proof.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  /** A verifier for the header's public {@code jwk}, or {@code null} when the key is unusable (or RSA too short). */
  private JWSVerifier verifier(JWSHeader header, JWK jwk) {
    try {
      PublicKey key;
      if (jwk instanceof ECKey ec) {
        key = ec.toECPublicKey();
      } else if (jwk instanceof RSAKey rsa) {
        key = rsa.toRSAPublicKey();
        if (KeyStrength.tooWeak(key)) {
          return null;
        }
      } else if (jwk instanceof OctetKeyPair okp) {
        key = JdkEdDsaVerifier.publicKey(okp).orElse(null);
      } else {
        key = null;
      }
      if (key == null) {
        return null;
      }
      return key instanceof EdECPublicKey ed ? new JdkEdDsaVerifier(ed) : verifiers.createJWSVerifier(header, key);
    } catch (JOSEException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value ? value : null;
  }

  /** For tests: how many proof keys are remembered. */
  long rememberedKeys() {
    return keys.size();
  }

  /** The server nonces, or {@code null} when none are required. */
  public DpopNonces nonces() {
    return nonces;
  }

  /** The base64url SHA-256 of {@code text}'s ASCII (RFC 9449 section 4.2, {@code ath}). */
  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256.", e);
    }
  }
}
