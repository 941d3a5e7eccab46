package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Scope strings that are not RFC 6749 scope-tokens, empty lists and repeats fail the build. */
class ScopeValidationTest {
  private static final JavaFileObject SOURCE =
      JavaFileObjects.forSourceLines(
          "shop.BadScopes",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/bad\")",
          "public class BadScopes {",
          "  @GET @Path(\"a\") @RequiresScope({\"orders:read\",",
          "      \"\"})",
          "  public String emptyScope() { return null; }",
          "",
          "  @GET @Path(\"b\") @RequiresScope({",
          "      \"orders:read orders:write\"})",
          "  public String twoScopesInOne() { return null; }",
          "",
          "  @GET @Path(\"c\") @RequiresScope({\"ok\",",
          "      \"say\\\"what\"})",
          "  public String quote() { return null; }",
          "",
          "  @GET @Path(\"d\") @RequiresScope({\"ok\",",
          "      \"caf\\u00e9\"})",
          "  public String nonAscii() { return null; }",
          "",
          "  @GET @Path(\"e\") @RequiresScope({}) public String noScopes() { return null; }",
          "",
          "  @GET @Path(\"f\") @RequiresScope({\"orders:read\", \"orders:write\",",
          "      \"orders:read\"})",
          "  public String repeated() { return null; }",
          "",
          "  @GET @Path(\"g\") @RequiresScope({\"a\\\\b\"}) public String backslash() { return null; }",
          "",
          "  @GET @Path(\"h\") @RequiresScope({\"!#[]~\", \"https://api.example.com/orders.read\"})",
          "  public String edgeCharactersAreValid() { return null; }",
          "",
          "  @GET @Path(\"i\") @RequiresScope(\"orders:read,orders:write\")",
          "  public String commaList() { return null; }",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac().withProcessors(new PortcullisProcessor()).compile(SOURCE);

  @Test
  void emptyScopeStringIsReportedAtThatString() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.SCOPE_EMPTY.format("BadScopes.emptyScope()"))
        .inFile(SOURCE)
        .onLineContaining("\"\"})");
  }

  @Test
  void spaceSeparatedScopesAreReportedWithTheFix() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_CONTAINS_SPACE.format(
                "orders:read orders:write", "BadScopes.twoScopesInOne()"))
        .inFile(SOURCE)
        .onLineContaining("\"orders:read orders:write\"");
  }

  @Test
  void doubleQuoteIsNamedAsTheOffendingCharacter() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_INVALID_CHARACTER.format(
                "say\"what", "BadScopes.quote()", "a double quote (U+0022)"))
        .inFile(SOURCE)
        .onLineContaining("say\\\"what");
  }

  @Test
  void quoteAndBackslashInAScopeAreEscapedInTheMessage() {
    assertThat(COMPILATION)
        .hadErrorContaining("Scope \"say\\\"what\" on BadScopes.quote() contains")
        .inFile(SOURCE)
        .onLineContaining("say\\\"what");
    assertThat(COMPILATION)
        .hadErrorContaining("Scope \"a\\\\b\" on BadScopes.backslash() contains")
        .inFile(SOURCE)
        .onLineContaining("a\\\\b");
  }

  @Test
  void nonAsciiCharacterIsNamedWithItsCodePoint() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_INVALID_CHARACTER.format(
                "café", "BadScopes.nonAscii()", "the non-ASCII character 'é' (U+00E9)"))
        .inFile(SOURCE)
        .onLineContaining("caf\\u00e9");
  }

  @Test
  void backslashIsRejectedAtTheColumnOfTheScopeString() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_INVALID_CHARACTER.format(
                "a\\b", "BadScopes.backslash()", "a backslash (U+005C)"))
        .inFile(SOURCE)
        .onLine(31)
        .atColumn(35);
  }

  @Test
  void emptyScopeListIsReportedOnTheAnnotation() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.SCOPES_MISSING.format("BadScopes.noScopes()"))
        .inFile(SOURCE)
        .onLineContaining("@RequiresScope({})");
  }

  @Test
  void repeatedScopeIsReportedAtTheRepetition() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.SCOPE_DUPLICATE.format("orders:read", "BadScopes.repeated()"))
        .inFile(SOURCE)
        .onLineContaining("      \"orders:read\"})");
  }

  @Test
  void commaSeparatedScopeIsAWarningSuggestingSeparateStrings() {
    assertThat(COMPILATION)
        .hadWarningContaining(
            Message.SCOPE_LOOKS_LIKE_A_LIST.format(
                "orders:read,orders:write", "BadScopes.commaList()"))
        .inFile(SOURCE)
        .onLineContaining("\"orders:read,orders:write\"");
  }

  @Test
  void everyProblemIsReportedOnceAndValidEdgeCharactersPass() {
    assertThat(COMPILATION).hadErrorCount(7);
    assertThat(COMPILATION).hadWarningCount(1);
  }
}
