package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The reusing RSA verifier answers exactly as Nimbus' own does, token after token on one
 * thread and across threads, whatever came before.
 */
class ReusingRsaVerifierTest {
  private static ReusingRsaVerifier verifier() throws Exception {
    return new ReusingRsaVerifier(TestKeys.K1.toRSAPublicKey());
  }

  private static JWSObject signed(JWSAlgorithm algorithm, String payload) throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(algorithm).keyID("k1").build(), new Payload(payload));
    jws.sign(new RSASSASigner(TestKeys.K1));
    return jws;
  }

  private static boolean check(ReusingRsaVerifier verifier, JWSObject jws) throws Exception {
    return verifier.verify(jws.getHeader(), jws.getSigningInput(), jws.getSignature());
  }

  @Test
  void acceptsGoodSignaturesAgainAndAgainAndRejectsTamperedOnesInBetween() throws Exception {
    ReusingRsaVerifier verifier = verifier();
    RSASSAVerifier nimbus = new RSASSAVerifier(TestKeys.K1.toRSAPublicKey());
    JWSObject good = signed(JWSAlgorithm.RS256, "{\"sub\":\"alice\"}");
    byte[] tampered = (good.getHeader().toBase64URL() + "." + Base64URL.encode("{\"sub\":\"mallory\"}"))
        .getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 5; i++) {
      assertTrue(check(verifier, good));
      assertFalse(verifier.verify(good.getHeader(), tampered, good.getSignature()));
      assertFalse(nimbus.verify(good.getHeader(), tampered, good.getSignature()));
      // A signature of the wrong length makes the provider throw: rejected, and the next check is clean.
      assertFalse(verifier.verify(good.getHeader(), good.getSigningInput(), Base64URL.encode(new byte[3])));
      assertTrue(check(verifier, good));
    }
  }

  @Test
  void keepsOneSignaturePerAlgorithmSoRs256AndPs512Alternate() throws Exception {
    ReusingRsaVerifier verifier = verifier();
    JWSObject rs256 = signed(JWSAlgorithm.RS256, "{\"n\":1}");
    JWSObject ps512 = signed(JWSAlgorithm.PS512, "{\"n\":2}");
    JWSObject rs512 = signed(JWSAlgorithm.RS512, "{\"n\":3}");
    for (int i = 0; i < 3; i++) {
      assertTrue(check(verifier, rs256));
      assertTrue(check(verifier, ps512));
      assertTrue(check(verifier, rs512));
      // The RS256 signature presented as PS512: a different scheme, so never valid.
      JWSHeader relabelled = new JWSHeader.Builder(JWSAlgorithm.PS512).keyID("k1").build();
      assertFalse(verifier.verify(relabelled, rs256.getSigningInput(), rs256.getSignature()));
    }
  }

  @Test
  void rejectsAHeaderWithCriticalParametersItDoesNotUnderstand() throws Exception {
    JWSHeader critical = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
        .criticalParams(Set.of("exp")).customParam("exp", 1).build();
    JWSObject jws = new JWSObject(critical, new Payload("{}"));
    jws.sign(new RSASSASigner(TestKeys.K1));
    assertFalse(check(verifier(), jws));
  }

  @Test
  void theRuntimesVerifierFactoryUsesItForRsaKeys() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
    assertTrue(new CachedVerifierFactory().createJWSVerifier(header, TestKeys.K1.toRSAPublicKey())
        instanceof ReusingRsaVerifier);
  }

  @Test
  void rejectsASignatureByAnotherKey() throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), new Payload("{}"));
    jws.sign(new RSASSASigner(TestKeys.K2));
    assertFalse(check(verifier(), jws));
  }

  @Test
  void threadsSharingOneVerifierAlwaysGetTheRightAnswer() throws Exception {
    ReusingRsaVerifier verifier = verifier();
    JWSObject good = signed(JWSAlgorithm.RS256, "{\"sub\":\"alice\"}");
    JWSObject other = signed(JWSAlgorithm.RS256, "{\"sub\":\"bob\"}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        wrong.add(pool.submit(() -> {
          int mistakes = 0;
          for (int i = 0; i < 200; i++) {
            boolean swap = i % 3 == 0; // alice's signature over bob's claims: invalid
            boolean valid = verifier.verify(good.getHeader(),
                swap ? other.getSigningInput() : good.getSigningInput(), good.getSignature());
            mistakes += valid == swap ? 1 : 0;
          }
          return mistakes;
        }));
      }
      for (Future<Integer> result : wrong) {
        assertEquals(0, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
