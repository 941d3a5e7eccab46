package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Step-up authentication values that cannot be enforced or sent in a challenge fail the build at
 * the exact value: empty, repeated or unsendable acr values, and a max age that is not positive.
 */
class StepUpValidationTest {
  private static final JavaFileObject SOURCE =
      JavaFileObjects.forSourceLines(
          "shop.BadStepUp",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.RequiresToken;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/bad\")",
          "public class BadStepUp {",
          "  @GET @Path(\"a\") @RequiresScope(value = \"orders:read\", acr = {\"mfa\",",
          "      \"\"})",
          "  public String emptyAcr() { return null; }",
          "",
          "  @GET @Path(\"b\") @RequiresToken(acr = {\"mfa\",",
          "      \"mfa phr\"})",
          "  public String spaceInAcr() { return null; }",
          "",
          "  @GET @Path(\"c\") @RequiresToken(acr = {\"mfa\",",
          "      \"say\\\"what\"})",
          "  public String quoteInAcr() { return null; }",
          "",
          "  @GET @Path(\"d\") @RequiresToken(acr = {\"mfa\",",
          "      \"a\\\\b\"})",
          "  public String backslashInAcr() { return null; }",
          "",
          "  @GET @Path(\"e\") @RequiresScope(value = \"orders:read\", acr = {\"mfa\", \"phr\",",
          "      \"mfa\"})",
          "  public String repeatedAcr() { return null; }",
          "",
          "  @GET @Path(\"f\") @RequiresToken(acr = \"mfa\",",
          "      maxAge = 0)",
          "  public String zeroMaxAge() { return null; }",
          "",
          "  @GET @Path(\"g\") @RequiresScope(value = \"orders:read\",",
          "      maxAge = -5)",
          "  public String negativeMaxAge() { return null; }",
          "",
          "  @GET @Path(\"h\") @RequiresToken(acr = {\"urn:mace:incommon:iap:silver\", \"!#[]~\"},"
              + " maxAge = 1)",
          "  public String validStepUp() { return null; }",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac().withProcessors(new PortcullisProcessor()).compile(SOURCE);

  @Test
  void emptyAcrValueIsReportedAtThatString() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.ACR_EMPTY.format("RequiresScope", "BadStepUp.emptyAcr()"))
        .inFile(SOURCE)
        .onLine(11)
        .atColumn(7);
  }

  @Test
  void whitespaceInAnAcrValueIsReportedAtThatString() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.ACR_INVALID_CHARACTER.format("mfa phr", "BadStepUp.spaceInAcr()", "whitespace"))
        .inFile(SOURCE)
        .onLine(15)
        .atColumn(7);
  }

  @Test
  void quoteInAnAcrValueIsNamedAndReportedAtThatString() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.ACR_INVALID_CHARACTER.format(
                "say\"what", "BadStepUp.quoteInAcr()", "a double quote (U+0022)"))
        .inFile(SOURCE)
        .onLine(19)
        .atColumn(7);
  }

  @Test
  void backslashInAnAcrValueIsNamedAndReportedAtThatString() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.ACR_INVALID_CHARACTER.format(
                "a\\b", "BadStepUp.backslashInAcr()", "a backslash (U+005C)"))
        .inFile(SOURCE)
        .onLine(23)
        .atColumn(7);
  }

  @Test
  void repeatedAcrValueIsReportedAtTheRepeat() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.ACR_DUPLICATE.format("mfa", "RequiresScope", "BadStepUp.repeatedAcr()"))
        .inFile(SOURCE)
        .onLine(27)
        .atColumn(7);
  }

  @Test
  void zeroMaxAgeIsReportedAtTheValue() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.MAX_AGE_NOT_POSITIVE.format("RequiresToken", "BadStepUp.zeroMaxAge()", 0L))
        .inFile(SOURCE)
        .onLine(31)
        .atColumn(16);
  }

  @Test
  void negativeMaxAgeIsReportedAtTheValue() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.MAX_AGE_NOT_POSITIVE.format("RequiresScope", "BadStepUp.negativeMaxAge()", -5L))
        .inFile(SOURCE)
        .onLine(35)
        .atColumn(16);
  }

  @Test
  void validValuesAndNothingElseAreReported() {
    assertThat(COMPILATION).hadErrorCount(7);
  }
}
