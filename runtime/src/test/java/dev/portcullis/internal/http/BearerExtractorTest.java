package dev.portcullis.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6750 section 2.1 credentials syntax. */
class BearerExtractorTest {

  private static BearerCredentials one(String header) {
    return BearerExtractor.extract(List.of(header), false);
  }

  @Test
  void bearerTokenIsExtractedWhateverTheSchemeCase() {
    assertEquals(new BearerCredentials.Token("abc.DEF-_~+/=="), one("Bearer abc.DEF-_~+/=="));
    assertEquals(new BearerCredentials.Token("abc"), one("bearer abc"));
    assertEquals(new BearerCredentials.Token("abc"), one("BeArEr abc"));
  }

  @Test
  void oneOrMoreSpacesSeparateSchemeAndToken() {
    assertEquals(new BearerCredentials.Token("abc"), one("Bearer    abc"));
    assertEquals(new BearerCredentials.Token("abc"), one("  Bearer abc  "));
  }

  @Test
  void noHeaderOrAnotherSchemeIsMissing() {
    assertInstanceOf(BearerCredentials.Missing.class, BearerExtractor.extract(null, false));
    assertInstanceOf(BearerCredentials.Missing.class, BearerExtractor.extract(List.of(), false));
    assertInstanceOf(BearerCredentials.Missing.class, one("Basic YWxpY2U6c2VjcmV0"));
    assertInstanceOf(BearerCredentials.Missing.class, one("DPoP abc"));
    assertInstanceOf(BearerCredentials.Missing.class, one("Bearerabc"));
    assertInstanceOf(BearerCredentials.Missing.class, one(""));
  }

  @Test
  void schemeWithoutTokenIsAnInvalidRequest() {
    assertInstanceOf(BearerCredentials.InvalidRequest.class, one("Bearer"));
    assertInstanceOf(BearerCredentials.InvalidRequest.class, one("Bearer   "));
  }

  @Test
  void tokenOutsideB64TokenSyntaxIsMalformed() {
    for (String header : new String[] {"Bearer a b", "Bearer a,b", "Bearer =abc", "Bearer a=b", "Bearer a\"b",
        "Bearer\tabc", "Bearer abc\u00e9", "Bearer a;b"}) {
      assertInstanceOf(BearerCredentials.Malformed.class, one(header), header);
    }
  }

  @Test
  void everyB64TokenCharacterIsAccepted() {
    String all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    assertEquals(new BearerCredentials.Token(all + "=="), one("Bearer " + all + "=="));
    assertInstanceOf(BearerCredentials.Malformed.class, one("Bearer ==="));
  }

  @Test
  void paddingIsAllowedOnlyAtTheEnd() {
    assertEquals(new BearerCredentials.Token("abc=="), one("Bearer abc=="));
    assertInstanceOf(BearerCredentials.Malformed.class, one("Bearer ab=c"));
  }

  @Test
  void tokenInTheQueryIsAnInvalidRequestEvenWithAHeader() {
    assertInstanceOf(BearerCredentials.InvalidRequest.class, BearerExtractor.extract(null, true));
    assertInstanceOf(BearerCredentials.InvalidRequest.class, BearerExtractor.extract(List.of("Bearer abc"), true));
  }

  @Test
  void twoAuthorizationHeadersAreAnInvalidRequest() {
    assertInstanceOf(BearerCredentials.InvalidRequest.class,
        BearerExtractor.extract(List.of("Bearer abc", "Bearer abc"), false));
  }

  @Test
  void tokenIsNotPrinted() {
    assertFalse(new BearerCredentials.Token("secret-token").toString().contains("secret-token"));
  }

  @Test
  void theDpopSchemeIsRecognisedOnlyWhenDpopIsOn() {
    assertEquals(new BearerCredentials.DpopToken("abc.def"), BearerExtractor.extract(List.of("DPoP abc.def"), false, true));
    assertEquals(new BearerCredentials.DpopToken("abc"), BearerExtractor.extract(List.of(" dpop   abc "), false, true));
    assertInstanceOf(BearerCredentials.Missing.class, BearerExtractor.extract(List.of("DPoP abc"), false, false));
    assertInstanceOf(BearerCredentials.InvalidRequest.class, BearerExtractor.extract(List.of("DPoP"), false, true));
    assertInstanceOf(BearerCredentials.Malformed.class, BearerExtractor.extract(List.of("DPoP a,b"), false, true));
    assertEquals(new BearerCredentials.Token("abc"), BearerExtractor.extract(List.of("Bearer abc"), false, true));
    assertFalse(new BearerCredentials.DpopToken("secret-token").toString().contains("secret-token"));
  }
}
