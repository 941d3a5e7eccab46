package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * With catalogues in the compilation, every scope of {@code @RequiresScope} and {@code
 * @OAuthClient} must be in one of them; catalogue scopes nothing uses are warnings.
 */
class CatalogueMembershipTest {
  static final JavaFileObject ORDERS_SCOPES =
      JavaFileObjects.forSourceLines(
          "shop.OrdersScopes",
          "package shop;",
          "",
          "import dev.portcullis.ScopeCatalogue;",
          "import dev.portcullis.ScopeDescription;",
          "",
          "@ScopeCatalogue",
          "public interface OrdersScopes {",
          "  @ScopeDescription(\"Read orders.\")",
          "  String READ = \"orders:read\";",
          "",
          "  @ScopeDescription(value = \"Create orders.\", implies = READ)",
          "  String WRITE = \"orders:write\";",
          "",
          "  @ScopeDescription(\"Export orders as CSV.\")",
          "  String EXPORT = \"orders:export\";",
          "}");

  static final JavaFileObject PAYMENT_SCOPES =
      JavaFileObjects.forSourceLines(
          "shop.pay.PaymentScopes",
          "package shop.pay;",
          "",
          "import dev.portcullis.ScopeCatalogue;",
          "import dev.portcullis.ScopeDescription;",
          "",
          "@ScopeCatalogue",
          "public interface PaymentScopes {",
          "  @ScopeDescription(\"Charge a card.\")",
          "  String CHARGE = \"payments:charge\";",
          "}");

  static final JavaFileObject RESOURCE =
      JavaFileObjects.forSourceLines(
          "shop.Checkout",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.POST;",
          "import jakarta.ws.rs.Path;",
          "import shop.pay.PaymentScopes;",
          "",
          "@Path(\"/checkout\")",
          "public class Checkout {",
          "  @GET @RequiresScope(OrdersScopes.READ) public String cart() { return null; }",
          "",
          "  @POST @RequiresScope({OrdersScopes.WRITE, PaymentScopes.CHARGE})",
          "  public String pay() { return null; }",
          "",
          "  @GET @Path(\"typo\") @RequiresScope(\"orders:raed\")",
          "  public String typo() { return null; }",
          "",
          "  @GET @Path(\"far\") @RequiresScope({OrdersScopes.READ, \"inventory:count\"})",
          "  public String farOff() { return null; }",
          "}");

  static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceLines(
          "shop.ReportsClient",
          "package shop;",
          "",
          "import dev.portcullis.OAuthClient;",
          "",
          "@OAuthClient(name = \"reports\", scopes = {OrdersScopes.READ,",
          "    \"orders:wirte\"})",
          "public interface ReportsClient {}");

  private static final Compilation COMPILATION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(ORDERS_SCOPES, PAYMENT_SCOPES, RESOURCE, CLIENT);

  @Test
  void misspeltScopeIsAnErrorAtTheStringSuggestingTheCatalogueScope() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "orders:raed", "Checkout.typo()", "orders:read"))
        .inFile(RESOURCE)
        .onLineContaining("\"orders:raed\"");
  }

  @Test
  void scopeFarFromEveryCatalogueScopeListsTheCatalogue() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN.format(
                "inventory:count",
                "Checkout.farOff()",
                "\"orders:export\", \"orders:read\", \"orders:write\", \"payments:charge\""))
        .inFile(RESOURCE)
        .onLineContaining("\"inventory:count\"");
  }

  @Test
  void misspeltClientScopeIsAnErrorAtThatScope() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "orders:wirte", "@OAuthClient ReportsClient", "orders:write"))
        .inFile(CLIENT)
        .onLineContaining("\"orders:wirte\"");
  }

  @Test
  void catalogueScopeUsedNowhereIsAWarningAtItsConstant() {
    assertThat(COMPILATION)
        .hadWarningContaining(
            Message.CATALOGUE_SCOPE_UNUSED.format("orders:export", "OrdersScopes.EXPORT"))
        .inFile(ORDERS_SCOPES)
        .onLineContaining("String EXPORT");
  }

  @Test
  void scopesOfSeveralCataloguesAreAllKnownAndUsedOnesDoNotWarn() {
    assertThat(COMPILATION).hadErrorCount(3);
    assertThat(COMPILATION).hadWarningCount(1);
  }

  @Test
  void withoutAnyCatalogueScopesAreNotChecked() {
    Compilation withoutCatalogue =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "shop.Free",
                    "package shop;",
                    "",
                    "import dev.portcullis.RequiresScope;",
                    "import jakarta.ws.rs.GET;",
                    "import jakarta.ws.rs.Path;",
                    "",
                    "@Path(\"/free\")",
                    "public class Free {",
                    "  @GET @RequiresScope(\"orders:raed\") public String get() { return null; }",
                    "}"));
    assertThat(withoutCatalogue).succeededWithoutWarnings();
  }
}
