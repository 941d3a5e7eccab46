package dev.portcullis.benchmarks;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portcullis.TokenPrincipal;
import dev.portcullis.AccessTokenVerifier;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The cost of accepting one access token, side by side: the bare JCA signature check (the
 * floor), Nimbus' {@code DefaultJWTProcessor} and Spring Security's {@code NimbusJwtDecoder}
 * configured as typical applications configure them, and Portcullis on first sight of a
 * token (cold: cache off) and for a token seen before (warm: cache on).
 *
 * <p>Cold numbers cycle through {@value Tokens#POOL} distinct pre-minted tokens so that no
 * per-string caching (such as {@code String.hashCode}) flatters anyone. Every verifier is
 * checked in its setup: it must accept a good token and reject a tampered one, so a
 * misconfigured verifier cannot look fast. Keys come from an in-memory JWKS everywhere.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class VerificationBenchmark {

  /** The issuer, its key and the tokens every verifier sees. */
  @State(Scope.Benchmark)
  public static class Tokens {
    static final int POOL = 1024;

    @Param({"RS256", "ES256"})
    public String alg;

    TokenFixture fixture;
    String[] pool;
    String good;
    String tampered;
    private int next;

    @Setup
    public void mint() {
      fixture = TokenFixture.create(alg);
      pool = new String[POOL];
      for (int i = 0; i < POOL; i++) {
        pool[i] = fixture.token(3600);
      }
      good = fixture.token(3600);
      tampered = TokenFixture.tampered(good);
    }

    int nextIndex() {
      next = (next + 1) & (POOL - 1);
      return next;
    }

    String nextToken() {
      return pool[nextIndex()];
    }
  }

  /** The floor: one JCA signature check over the same signing input, nothing else. */
  @State(Scope.Benchmark)
  public static class Jca {
    String algorithm;
    PublicKey key;
    byte[][] inputs;
    byte[][] signatures;

    @Setup
    public void prepare(Tokens tokens) throws Exception {
      algorithm = tokens.alg.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format";
      key = tokens.alg.equals("RS256") ? tokens.fixture.publicKey().toRSAKey().toPublicKey()
          : tokens.fixture.publicKey().toECKey().toPublicKey();
      inputs = new byte[Tokens.POOL][];
      signatures = new byte[Tokens.POOL][];
      for (int i = 0; i < Tokens.POOL; i++) {
        inputs[i] = TokenFixture.signingInput(tokens.pool[i]);
        signatures[i] = TokenFixture.signature(tokens.pool[i]);
      }
      Verifiers.check("bare JCA", token -> verify(TokenFixture.signingInput(token), TokenFixture.signature(token)),
          tokens);
    }

    boolean verify(byte[] input, byte[] signature) throws Exception {
      Signature check = Signature.getInstance(algorithm);
      check.initVerify(key);
      check.update(input);
      return check.verify(signature);
    }
  }

  /** Nimbus as its documentation shows it: ImmutableJWKSet, key selector, claims verifier. */
  @State(Scope.Benchmark)
  public static class Nimbus {
    DefaultJWTProcessor<SecurityContext> processor;

    @Setup
    public void prepare(Tokens tokens) {
      processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(tokens.fixture.algorithm(),
          new ImmutableJWKSet<>(tokens.fixture.publicKeySet())));
      processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(TokenFixture.AUDIENCE),
          new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(), new HashSet<>(Set.of("exp", "iss")), null));
      Verifiers.check("Nimbus", token -> processor.process(token, null) != null, tokens);
    }
  }

  /** Spring Security's decoder, keys from its own JWKS source (served from memory). */
  @State(Scope.Benchmark)
  public static class Spring {
    JwtDecoder decoder;

    @Setup
    public void prepare(Tokens tokens) {
      decoder = SpringDecoders.forIssuer(tokens.fixture);
      Verifiers.check("Spring NimbusJwtDecoder", token -> decoder.decode(token) != null, tokens);
    }
  }

  /** Portcullis with the token cache off: every token is verified from scratch. */
  @State(Scope.Benchmark)
  public static class PortcullisCold {
    /** How many issuers it trusts: with 2, each token's iss selects its issuer first. */
    @Param({"1", "2"})
    int issuers;

    JwksServer jwks;
    AccessTokenVerifier verifier;

    @Setup
    public void prepare(Tokens tokens) {
      jwks = new JwksServer(tokens.fixture.publicKeySet());
      verifier = Verifiers.portcullis(jwks, 0, issuers);
      Verifiers.check("Portcullis (cache off)", token -> verifier.verify(token) != null, tokens);
    }

    @TearDown
    public void stop() {
      jwks.close();
    }
  }

  /** Portcullis with the token cache on, asked again for a token it has verified. */
  @State(Scope.Benchmark)
  public static class PortcullisWarm {
    @Param({"1", "2"})
    int issuers;

    JwksServer jwks;
    AccessTokenVerifier verifier;
    String repeat;

    @TearDown
    public void stop() {
      jwks.close();
    }

    @Setup
    public void prepare(Tokens tokens) throws Exception {
      jwks = new JwksServer(tokens.fixture.publicKeySet());
      verifier = Verifiers.portcullis(jwks, 10_000, issuers);
      Verifiers.check("Portcullis (cache on)", token -> verifier.verify(token) != null, tokens);
      TokenPrincipal first = verifier.verify(tokens.good);
      // An equal string, not the same instance: as when the token arrives in a new request.
      repeat = new String(tokens.good.toCharArray());
      if (verifier.verify(repeat) != first) {
        throw new IllegalStateException("Portcullis (cache on) did not answer a repeated token from its cache.");
      }
    }
  }

  @Benchmark
  public boolean bareJca(Jca jca, Tokens tokens) throws Exception {
    int i = tokens.nextIndex();
    return jca.verify(jca.inputs[i], jca.signatures[i]);
  }

  @Benchmark
  public JWTClaimsSet nimbus(Nimbus nimbus, Tokens tokens) throws Exception {
    return nimbus.processor.process(tokens.nextToken(), null);
  }

  @Benchmark
  public Jwt spring(Spring spring, Tokens tokens) {
    return spring.decoder.decode(tokens.nextToken());
  }

  @Benchmark
  public TokenPrincipal portcullisCold(PortcullisCold portcullis, Tokens tokens) throws Exception {
    return portcullis.verifier.verify(tokens.nextToken());
  }

  @Benchmark
  public TokenPrincipal portcullisWarm(PortcullisWarm portcullis) throws Exception {
    return portcullis.verifier.verify(portcullis.repeat);
  }
}
