package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Catalogue entries that are not described, valid, unique scopes, and scope hierarchies that
 * imply unknown scopes or go round in a cycle, are errors at the constant or value at fault.
 */
class CatalogueValidationTest {
  private static final JavaFileObject BAD =
      JavaFileObjects.forSourceLines(
          "shop.BadScopes",
          "package shop;",
          "",
          "import dev.portcullis.ScopeCatalogue;",
          "import dev.portcullis.ScopeDescription;",
          "",
          "@ScopeCatalogue",
          "public interface BadScopes {",
          "  @ScopeDescription(\"Read orders.\")",
          "  String READ = \"orders:read\";",
          "",
          "  @ScopeDescription(\"Two scopes in one.\")",
          "  String SPACED = \"orders:read orders:write\";",
          "",
          "  @ScopeDescription(\"Quoted.\")",
          "  String QUOTED = \"say\\\"what\";",
          "",
          "  String UNDESCRIBED = \"orders:undescribed\";",
          "",
          "  @ScopeDescription(\"  \")",
          "  String BLANK = \"orders:blank\";",
          "",
          "  @ScopeDescription(\"A number is not a scope.\")",
          "  int LIMIT = 10;",
          "",
          "  @ScopeDescription(value = \"Write orders.\", implies = \"orders:raed\")",
          "  String WRITE = \"orders:write\";",
          "",
          "  @ScopeDescription(value = \"Ping.\", implies = \"pong\")",
          "  String PING = \"ping\";",
          "",
          "  @ScopeDescription(value = \"Pong.\", implies = PING)",
          "  String PONG = \"pong\";",
          "",
          "  @ScopeDescription(value = \"Itself.\", implies = \"selfish\")",
          "  String SELFISH = \"selfish\";",
          "",
          "  @ScopeDescription(value = \"First.\", implies = \"round:second\")",
          "  String FIRST = \"round:first\";",
          "",
          "  @ScopeDescription(value = \"Second.\", implies = \"round:third\")",
          "  String SECOND = \"round:second\";",
          "",
          "  @ScopeDescription(value = \"Third.\", implies = FIRST)",
          "  String THIRD = \"round:third\";",
          "}");

  private static final JavaFileObject OTHER =
      JavaFileObjects.forSourceLines(
          "shop.OtherScopes",
          "package shop;",
          "",
          "import dev.portcullis.ScopeCatalogue;",
          "import dev.portcullis.ScopeDescription;",
          "",
          "@ScopeCatalogue",
          "public interface OtherScopes {",
          "  @ScopeDescription(\"Read orders, again.\")",
          "  String ORDERS_READ = \"orders:read\";",
          "}");

  private static final JavaFileObject NOT_AN_INTERFACE =
      JavaFileObjects.forSourceLines(
          "shop.ClassScopes",
          "package shop;",
          "",
          "import dev.portcullis.ScopeCatalogue;",
          "",
          "@ScopeCatalogue",
          "public class ClassScopes {",
          "  public static final String READ = \"orders:read\";",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(BAD, OTHER, NOT_AN_INTERFACE);

  @Test
  void scopeWithWhitespaceIsAnErrorAtTheConstant() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_SCOPE_INVALID.format(
                "orders:read orders:write", "BadScopes.SPACED", "it contains whitespace"))
        .inFile(BAD)
        .onLineContaining("String SPACED");
  }

  @Test
  void scopeWithAForbiddenCharacterNamesIt() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_SCOPE_INVALID.format(
                "say\"what", "BadScopes.QUOTED", "it contains a double quote (U+0022)"))
        .inFile(BAD)
        .onLineContaining("String QUOTED");
  }

  @Test
  void quoteInAScopeIsEscapedInTheMessage() {
    assertThat(COMPILATION)
        .hadErrorContaining("Scope \"say\\\"what\" of catalogue constant BadScopes.QUOTED")
        .inFile(BAD)
        .onLineContaining("String QUOTED");
  }

  @Test
  void constantWithoutDescriptionIsAnError() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_DESCRIPTION_MISSING.format(
                "orders:undescribed", "BadScopes.UNDESCRIBED"))
        .inFile(BAD)
        .onLineContaining("String UNDESCRIBED");
  }

  @Test
  void blankDescriptionCountsAsMissingAndIsReportedAtTheDescription() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_DESCRIPTION_MISSING.format("orders:blank", "BadScopes.BLANK"))
        .inFile(BAD)
        .onLineContaining("@ScopeDescription(\"  \")");
  }

  @Test
  void fieldThatIsNotAStringIsAnError() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.CATALOGUE_ENTRY_NOT_A_STRING.format("LIMIT", "BadScopes"))
        .inFile(BAD)
        .onLineContaining("int LIMIT");
  }

  @Test
  void scopeDeclaredByTwoCataloguesIsAnErrorAtTheSecond() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_SCOPE_DUPLICATE.format(
                "orders:read", "OtherScopes.ORDERS_READ", "BadScopes.READ"))
        .inFile(OTHER)
        .onLineContaining("String ORDERS_READ");
  }

  @Test
  void catalogueThatIsAClassIsAnError() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_NOT_AN_INTERFACE.format("ClassScopes", "ClassScopes"))
        .inFile(NOT_AN_INTERFACE)
        .onLineContaining("public class ClassScopes");
  }

  private static final JavaFileObject ORDERS =
      JavaFileObjects.forSourceLines(
          "shop.Orders",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/orders\")",
          "public class Orders {",
          "  @GET @RequiresScope(\"orders:read\")",
          "  public String list() { return null; }",
          "}");

  @Test
  void catalogueThatIsAClassIsTheOnlyErrorItCauses() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(NOT_AN_INTERFACE, ORDERS);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CATALOGUE_NOT_AN_INTERFACE.format("ClassScopes", "ClassScopes"))
        .inFile(NOT_AN_INTERFACE)
        .onLineContaining("public class ClassScopes");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void emptyCatalogueIsSaidToDeclareNoScopes() {
    JavaFileObject empty =
        JavaFileObjects.forSourceLines(
            "shop.EmptyScopes",
            "package shop;",
            "",
            "@dev.portcullis.ScopeCatalogue",
            "public interface EmptyScopes {}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(empty, ORDERS);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN.format("orders:read", "Orders.list()", "no scopes"))
        .inFile(ORDERS)
        .onLineContaining("@RequiresScope");
  }

  @Test
  void implyingAnUnknownScopeIsAnErrorAtThatValueWithASuggestion() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_IMPLIES_UNKNOWN.format(
                "orders:write",
                "BadScopes.WRITE",
                "orders:raed",
                " Did you mean \"orders:read\"?"))
        .inFile(BAD)
        .onLineContaining("implies = \"orders:raed\"");
  }

  @Test
  void cycleOfImplicationsIsOneErrorAtItsFirstMemberNamingTheCycle() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_IMPLIES_CYCLE.format(
                "ping", "BadScopes.PING", "ping implies pong implies ping"))
        .inFile(BAD)
        .onLineContaining("implies = \"pong\"");
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_IMPLIES_CYCLE.format(
                "round:first",
                "BadScopes.FIRST",
                "round:first implies round:second implies round:third implies round:first"))
        .inFile(BAD)
        .onLineContaining("implies = \"round:second\"");
    assertEquals(
        List.of(),
        errorsAmong(
            Message.CATALOGUE_IMPLIES_CYCLE.format(
                "pong", "BadScopes.PONG", "pong implies ping implies pong"),
            Message.CATALOGUE_IMPLIES_CYCLE.format(
                "round:second",
                "BadScopes.SECOND",
                "round:second implies round:third implies round:first implies round:second"),
            Message.CATALOGUE_IMPLIES_CYCLE.format(
                "round:third",
                "BadScopes.THIRD",
                "round:third implies round:first implies round:second implies round:third")));
  }

  @Test
  void scopeImplyingItselfIsACycle() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CATALOGUE_IMPLIES_CYCLE.format(
                "selfish", "BadScopes.SELFISH", "selfish implies selfish"))
        .inFile(BAD)
        .onLineContaining("implies = \"selfish\"");
  }

  @Test
  void everyProblemIsReportedOnce() {
    assertThat(COMPILATION).hadErrorCount(11);
  }

  /** Those of {@code messages} that COMPILATION reported as errors. */
  private static List<String> errorsAmong(String... messages) {
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> error : COMPILATION.errors()) {
      reported.add(error.getMessage(Locale.ROOT));
    }
    reported.retainAll(List.of(messages));
    return reported;
  }
}
