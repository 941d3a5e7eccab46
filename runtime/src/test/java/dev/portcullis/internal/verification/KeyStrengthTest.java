package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the RSA size limit lies, and that strong keys are kept in their order. */
class KeyStrengthTest {

  private static PublicKey rsa(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair().getPublic();
  }

  @Test
  void rsaKeysNeed2048Bits() throws Exception {
    assertTrue(KeyStrength.tooWeak(rsa(2_047)));
    assertFalse(KeyStrength.tooWeak(rsa(2_048)));
    assertFalse(KeyStrength.tooWeak(KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic()));
  }

  @Test
  void weakKeysAreLeftOutAndAListWithoutThemIsReturnedAsIs() throws Exception {
    CachedKeySelector.Candidate strong = new CachedKeySelector.Candidate(null, rsa(2_048));
    CachedKeySelector.Candidate weak = new CachedKeySelector.Candidate(null, rsa(1_024));
    List<CachedKeySelector.Candidate> allStrong = List.of(strong);
    assertSame(allStrong, KeyStrength.strongOnly(allStrong));
    assertEquals(List.of(strong), KeyStrength.strongOnly(List.of(weak, strong, weak)));
    assertEquals(List.of(), KeyStrength.strongOnly(List.of(weak)));
  }
}
