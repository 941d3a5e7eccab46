package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.portcullis.internal.keys.IssuerKeys;
import dev.portcullis.internal.keys.KeySetVersion;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Java keys and verifiers are built once per JWK, and only ever for the key they came from. */
class KeyReuseTest {
  private static final JWSHeader RS256_K1 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();

  @Test
  void javaKeyIsBuiltOncePerJwk() throws Exception {
    CachedKeySelector selector = new CachedKeySelector(Set.of(JWSAlgorithm.RS256),
        new ImmutableJWKSet<>(new JWKSet(TestKeys.K1.toPublicJWK())));
    List<Key> first = selector.selectJWSKeys(RS256_K1, null);
    assertEquals(List.of(TestKeys.K1.toPublicKey()), first);
    assertSame(first.get(0), selector.selectJWSKeys(RS256_K1, null).get(0));
    assertEquals(1, selector.rememberedKeys());
  }

  @Test
  void madeUpKidsDoNotGrowTheRememberedMatchersWithoutBound() throws Exception {
    CachedKeySelector selector = new CachedKeySelector(Set.of(JWSAlgorithm.RS256),
        new ImmutableJWKSet<>(new JWKSet(TestKeys.K1.toPublicJWK())));
    for (int i = 0; i < 500; i++) {
      JWSHeader madeUp = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-" + i).build();
      assertTrue(selector.selectJWSKeys(madeUp, null).isEmpty());
    }
    assertTrue(selector.rememberedMatchers() <= CachedKeySelector.MAX_KEYS, "" + selector.rememberedMatchers());
    assertEquals(List.of(TestKeys.K1.toPublicKey()), selector.selectJWSKeys(RS256_K1, null));
  }

  @Test
  void newJwkInstancesGetTheirOwnJavaKey() throws Exception {
    TestKeys keys = new TestKeys();
    KeySetVersion version = new KeySetVersion();
    CachedKeySelector selector = new CachedKeySelector(Set.of(JWSAlgorithm.RS256),
        IssuerKeys.cached(keys, version, keys.clock));
    Key before = selector.selectJWSKeys(RS256_K1, null).get(0);
    keys.publish(TestKeys.K2);
    JWSHeader k2 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build();
    Key after = selector.selectJWSKeys(k2, null).get(0);
    assertEquals(TestKeys.K2.toPublicKey(), after);
    assertNotSame(before, after);
    assertEquals(2, selector.rememberedKeys());
  }

  @Test
  void disallowedAlgorithmAndPublishedPrivateKeysSelectNothing() throws Exception {
    CachedKeySelector selector = new CachedKeySelector(Set.of(JWSAlgorithm.RS256),
        new ImmutableJWKSet<>(new JWKSet(TestKeys.K1))); // private parts published by mistake
    List<Key> keys = selector.selectJWSKeys(RS256_K1, null);
    assertEquals(1, keys.size());
    assertTrue(keys.get(0) instanceof PublicKey);
    assertTrue(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("k1").build(), null)
        .isEmpty());
  }

  @Test
  void verifierIsReusedOnlyForAlgorithmsItSupports() throws Exception {
    PublicKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate().toPublicKey();
    CachedVerifierFactory factory = new CachedVerifierFactory();
    JWSHeader es256 = new JWSHeader(JWSAlgorithm.ES256);
    JWSVerifier first = factory.createJWSVerifier(es256, ec);
    assertSame(first, factory.createJWSVerifier(es256, ec));
    JWSVerifier es384 = factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.ES384), ec);
    assertNotSame(first, es384, "a P-256 verifier is never handed out for ES384");
    assertFalse(es384.supportedJWSAlgorithms().contains(JWSAlgorithm.ES384));
    JWSVerifier otherKey = factory.createJWSVerifier(es256,
        new ECKeyGenerator(Curve.P_256).keyID("e2").generate().toPublicKey());
    assertNotSame(first, otherKey);
  }

  @Test
  void keySetVersionMovesOnlyWhenTheKeysChange() {
    KeySetVersion version = new KeySetVersion();
    assertEquals(0, version.current());
    version.observe(new JWKSet(TestKeys.K1.toPublicJWK()));
    assertEquals(1, version.current());
    version.observe(new JWKSet(TestKeys.K1.toPublicJWK()));
    assertEquals(1, version.current(), "an equal set fetched again");
    version.observe(new JWKSet(List.of(TestKeys.K1.toPublicJWK(), TestKeys.K2.toPublicJWK())));
    assertEquals(2, version.current(), "a key added");
    version.observe(new JWKSet(TestKeys.K2.toPublicJWK()));
    assertEquals(3, version.current(), "a key removed");
  }
}
