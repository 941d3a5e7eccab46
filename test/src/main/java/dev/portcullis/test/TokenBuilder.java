package dev.portcullis.test;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.client.DpopKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An access token a {@link TestIssuer} is about to sign. It starts valid: {@code iss} the
 * issuer, {@code aud} its audience, {@code sub} {@value #DEFAULT_SUBJECT}, {@code client_id}
 * {@value #DEFAULT_CLIENT_ID}, issued now, expiring in five minutes, a fresh {@code jti}, header
 * {@code typ: at+jwt} (RFC 9068) and no scope. Change what the test is about, then {@link
 * #sign()}:
 *
 * <pre>{@code
 * String reader  = issuer.token().scopes("orders:read").sign();
 * String alice   = issuer.token().scopes("orders:read", "orders:write").subject("alice").acr("mfa").sign();
 * String expired = issuer.token().scopes("orders:read").expired().sign();
 * String other   = issuer.token().scopes("orders:read").audience("billing-api").sign();
 * String forged  = issuer.token().scopes("orders:admin").forged().sign();
 * String idToken = issuer.token().type("id+jwt").sign();
 * String bound   = issuer.token().scopes("payments:write").boundTo(key).sign();   // DPoP, key a DpopKey
 * }</pre>
 *
 * <p>Each method changes this builder and returns it; {@link #sign()} may be called more than
 * once. Instants are rounded down to whole seconds, as JWT numeric dates are. Not thread-safe.
 */
public final class TokenBuilder {
  /** The {@code sub} of a token unless {@link #subject(String)} says otherwise. */
  public static final String DEFAULT_SUBJECT = "test-user";
  /** The {@code client_id} of a token unless {@link #clientId(String)} says otherwise. */
  public static final String DEFAULT_CLIENT_ID = "test-client";
  /** How long a token lives unless told otherwise. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final IssuerKeys keys;
  private final JWTClaimsSet.Builder claims;
  private final Map<String, Object> confirmation = new LinkedHashMap<>();
  private String type = "at+jwt";
  private boolean forged;

  TokenBuilder(IssuerKeys keys, String issuer, String audience) {
    this.keys = keys;
    Instant now = Instant.now();
    this.claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(DEFAULT_SUBJECT)
        .claim("client_id", DEFAULT_CLIENT_ID)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(DEFAULT_LIFETIME)))
        .jwtID(UUID.randomUUID().toString());
  }

  /**
   * The {@code scope} claim: {@code scopes} separated by spaces (RFC 9068, RFC 8693); none
   * removes the claim. For an {@code scp} array instead, use {@link #claim(String, Object)}.
   */
  public TokenBuilder scopes(String... scopes) {
    return claim("scope", scopes.length == 0 ? null : String.join(" ", Arrays.asList(scopes)));
  }

  /** The {@code aud} claim; none removes it. */
  public TokenBuilder audience(String... audiences) {
    claims.audience(audiences.length == 0 ? null : List.of(audiences));
    return this;
  }

  /** The {@code sub} claim; {@code null} removes it. */
  public TokenBuilder subject(String subject) {
    claims.subject(subject);
    return this;
  }

  /** The {@code client_id} claim; {@code null} removes it. */
  public TokenBuilder clientId(String clientId) {
    return claim("client_id", clientId);
  }

  /** The {@code acr} claim (authentication context class); {@code null} removes it. */
  public TokenBuilder acr(String acr) {
    return claim("acr", acr);
  }

  /**
   * The {@code auth_time} claim (when the user authenticated, in seconds), which step-up
   * endpoints ({@code @RequiresScope(maxAge = ...)}) judge; {@code null} removes it.
   */
  public TokenBuilder authTime(Instant authTime) {
    return claim("auth_time", authTime == null ? null : authTime.getEpochSecond());
  }

  /** The {@code iss} claim, to sign a token that names another issuer; {@code null} removes it. */
  public TokenBuilder issuer(String issuer) {
    claims.issuer(issuer);
    return this;
  }

  /** {@code exp}; {@code null} removes it. */
  public TokenBuilder expiresAt(Instant expiresAt) {
    claims.expirationTime(expiresAt == null ? null : Date.from(expiresAt));
    return this;
  }

  /** {@code exp} as now plus {@code lifetime}. */
  public TokenBuilder expiresIn(Duration lifetime) {
    return expiresAt(Instant.now().plus(lifetime));
  }

  /**
   * Issued two hours ago and expired an hour ago: past the largest clock skew a Portcullis
   * application accepts (one hour).
   */
  public TokenBuilder expired() {
    Instant now = Instant.now();
    return issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1)));
  }

  /** {@code iat}; {@code null} removes it. */
  public TokenBuilder issuedAt(Instant issuedAt) {
    claims.issueTime(issuedAt == null ? null : Date.from(issuedAt));
    return this;
  }

  /** {@code nbf}; {@code null} removes it. */
  public TokenBuilder notBefore(Instant notBefore) {
    claims.notBeforeTime(notBefore == null ? null : Date.from(notBefore));
    return this;
  }

  /**
   * Any claim, for example {@code claim("scp", List.of("orders:read"))} or {@code claim("roles",
   * List.of("admin"))}; {@code null} removes it. Values are written as nimbus-jose-jwt writes
   * them: strings, numbers, booleans, lists, maps and {@link Date}s (as seconds).
   */
  public TokenBuilder claim(String name, Object value) {
    claims.claim(Objects.requireNonNull(name, "name"), value);
    return this;
  }

  /**
   * Binds the token to {@code key} (RFC 9449 section 6.1): {@code cnf.jkt} is the key's
   * thumbprint. Send it as {@code Authorization: DPoP <token>} with a {@code DPoP} header of
   * {@code key.proof(method, uri, token)}, one fresh proof per request; sent as {@code Bearer}
   * or with another key's proof it is refused.
   */
  public TokenBuilder boundTo(DpopKey key) {
    return confirmation("jkt", Objects.requireNonNull(key, "key").thumbprint());
  }

  /**
   * Binds the token to {@code certificate} (RFC 8705 section 3.1): {@code cnf.x5t#S256} is the
   * SHA-256 of its DER encoding. An application with {@code certificate-bound-tokens} accepts it
   * only over a TLS connection whose client certificate it is.
   *
   * @throws IllegalArgumentException if the certificate cannot be encoded
   */
  public TokenBuilder boundToCertificate(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return confirmation("x5t#S256", Base64URL.encode(digest).toString());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("The certificate cannot be DER-encoded, so its thumbprint cannot be"
          + " computed; use the certificate the client presents over TLS.", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256.", e);
    }
  }

  /** Adds {@code member} to the {@code cnf} claim, keeping the members set before. */
  private TokenBuilder confirmation(String member, String value) {
    confirmation.put(member, value);
    return claim("cnf", new LinkedHashMap<>(confirmation));
  }

  /**
   * The header's {@code typ}: {@code at+jwt} unless changed; {@code "JWT"} as Keycloak writes
   * it, {@code "id+jwt"} or {@code "JWT"} with an ID token's claims to test that those are
   * refused, {@code null} for no {@code typ} at all.
   */
  public TokenBuilder type(String type) {
    this.type = type;
    return this;
  }

  /**
   * Signs with a key the issuer does not publish, of the same type and under the published key
   * id, so that the token is right in every field and fails only its signature: what an
   * attacker who guessed the claims could send.
   */
  public TokenBuilder forged() {
    this.forged = true;
    return this;
  }

  /** The token in compact form, for an {@code Authorization: Bearer} header. */
  public String sign() {
    return keys.sign(claims.build(), type, forged);
  }
}
