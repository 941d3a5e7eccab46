package dev.portcullis.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionDetails;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * RFC 7523 JWT bearer assertions signed with a {@link ClientKey}, for {@link
 * Grant#jwtBearer(Supplier)}: each {@link #get()} signs a new assertion with the given issuer,
 * subject and audience, issued now, expiring after the lifetime (60 seconds unless set) and
 * carrying a random {@code jti}, so that no assertion is ever sent twice.
 *
 * <pre>{@code
 * ClientKey key = ClientKey.fromFile(Path.of("/run/secrets/billing.pem"), "2024-01");
 * Grant grant = Grant.jwtBearer(JwtBearerAssertion.signedBy(key,
 *     "billing-service", "alice@example.com", "https://idp.example.com/oauth2/token"));
 * }</pre>
 *
 * <p>The tokens of the grant are cached per issuer, subject and audience, and a {@link
 * TokenClient} signs an assertion only when it requests a token. Immutable and thread-safe;
 * {@code toString()} never shows the key.
 */
public final class JwtBearerAssertion implements Supplier<String> {
  /** How long an assertion is valid unless {@link #withLifetime} says otherwise. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private final ClientKey key;
  private final String issuer;
  private final String subject;
  private final String audience;
  private final Duration lifetime;
  private final Clock clock;

  private JwtBearerAssertion(ClientKey key, String issuer, String subject, String audience,
      Duration lifetime, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.subject = subject;
    this.audience = audience;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /**
   * Assertions signed with {@code key}: {@code iss} {@code issuer} (usually the client id),
   * {@code sub} {@code subject} (the user or service the token is for), {@code aud} {@code
   * audience} (the authorization server's token endpoint or issuer, as it requires).
   *
   * @throws ClientConfigurationException if an argument is null or blank
   */
  public static JwtBearerAssertion signedBy(ClientKey key, String issuer, String subject,
      String audience) {
    Objects.requireNonNull(key, "key");
    return new JwtBearerAssertion(key, required(issuer, "issuer (iss)"),
        required(subject, "subject (sub)"), required(audience, "audience (aud)"),
        DEFAULT_LIFETIME, Clock.systemUTC());
  }

  /**
   * These assertions with another lifetime.
   *
   * @throws ClientConfigurationException if {@code lifetime} is not positive
   */
  public JwtBearerAssertion withLifetime(Duration lifetime) {
    if (lifetime == null || lifetime.isZero() || lifetime.isNegative()) {
      throw new ClientConfigurationException("The JWT bearer assertion lifetime " + lifetime
          + " is not positive. Give a short positive duration such as 60 seconds.");
    }
    return new JwtBearerAssertion(key, issuer, subject, audience, lifetime, clock);
  }

  String issuer() {
    return issuer;
  }

  String subject() {
    return subject;
  }

  String audience() {
    return audience;
  }

  /**
   * A new signed assertion (compact JWS).
   *
   * @throws TokenAcquisitionException if it cannot be signed
   */
  @Override
  public String get() {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTAssertionDetails(new Issuer(issuer), new Subject(subject),
        Audience.create(List.of(audience)), Date.from(now.plus(lifetime)), null,
        Date.from(now), new JWTID(), null).toJWTClaimsSet();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.jwsAlgorithm())
        .type(JOSEObjectType.JWT).keyID(key.keyId()).build(), claims);
    try {
      jwt.sign(signer());
    } catch (JOSEException e) {
      throw new TokenAcquisitionException("The JWT bearer assertion could not be signed with "
          + key + " (" + e.getClass().getSimpleName() + "). Check the key and its algorithm.", e);
    }
    return jwt.serialize();
  }

  private JWSSigner signer() throws JOSEException {
    return key.privateKey() instanceof ECPrivateKey ec ? new ECDSASigner(ec)
        : new RSASSASigner(key.privateKey());
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ClientConfigurationException("The JWT bearer assertion has no " + what
          + ". Give every one of issuer, subject and audience.");
    }
    return value;
  }

  @Override
  public String toString() {
    return "JwtBearerAssertion[iss=" + issuer + ", sub=" + subject + ", aud=" + audience
        + ", lifetime=" + lifetime + ", " + key + "]";
  }
}
