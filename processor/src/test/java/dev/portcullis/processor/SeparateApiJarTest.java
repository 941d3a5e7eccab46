package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The most common real layout: API interfaces with every annotation in their own jar, the
 * implementation in a server module whose sources carry no Portcullis or JAX-RS annotation.
 * The processor still runs there, generates the filter and applies deny-by-default; and a
 * server whose filter predates a change in the API jar refuses to start, in either direction.
 */
class SeparateApiJarTest {
  private static final String AUDIENCE = "orders-api";

  /** The API jar, version 1: list needs orders:read, health is public. */
  private static final JavaFileObject API_V1 = api("@RequiresScope(\"orders:read\")", "@Public");

  private static final JavaFileObject SERVER =
      JavaFileObjects.forSourceLines(
          "server.OrdersResource",
          "package server;",
          "",
          "@jakarta.ws.rs.Path(\"/orders\")",
          "public class OrdersResource implements api.OrdersApi {",
          "  @Override public String list() { return \"orders\"; }",
          "  @Override public String health() { return \"ok\"; }",
          "}");

  private static JavaFileObject api(String onList, String onHealth) {
    return JavaFileObjects.forSourceLines(
        "api.OrdersApi",
        "package api;",
        "",
        "import dev.portcullis.Public;",
        "import dev.portcullis.RequiresScope;",
        "import jakarta.ws.rs.GET;",
        "import jakarta.ws.rs.Path;",
        "",
        "@Path(\"/orders\")",
        "public interface OrdersApi {",
        "  @GET " + onList + " String list();",
        "  @GET @Path(\"health\") " + onHealth + " String health();",
        "}");
  }

  /** Compiles {@code api} alone, as the API module's build does, into {@code jar}. */
  private static List<File> apiJar(JavaFileObject api, Path jar) throws Exception {
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(api);
    assertThat(compilation).succeededWithoutWarnings();
    return ClassPaths.withJarOf(compilation, jar);
  }

  private static Compilation server(List<File> classpath, String... options) {
    return Compiler.javac()
        .withProcessors(new PortcullisProcessor())
        .withClasspath(classpath)
        .withOptions((Object[]) options)
        .compile(SERVER);
  }

  @Test
  void implementationModuleGetsAFilterThatProtectsItOverHttp(@TempDir Path dir) throws Exception {
    Compilation server = server(apiJar(API_V1, dir.resolve("api.jar")));
    assertThat(server).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.lines(server, "server.OrdersResource"))
        .containsExactly("health() public", "list() scopes ALL orders:read")
        .inOrder();
    Path classes = dir.resolve("classes");
    ClassPaths.writeClassOutput(apiCompilation(API_V1).generatedFiles(), classes);
    try (ServedCompilation app =
        ServedCompilation.start(server.generatedFiles(), classes, AUDIENCE, "server.OrdersResource")) {
      assertEquals(401, status(app, "/orders", null));
      assertEquals(403, status(app, "/orders", token(app, "profile")));
      assertEquals(200, status(app, "/orders", token(app, "orders:read")));
      assertEquals(200, status(app, "/orders/health", null));
    }
  }

  @Test
  void denyByDefaultAppliesToMethodsWhoseOnlyAnnotationsAreInTheJar(@TempDir Path dir)
      throws Exception {
    Compilation server =
        server(apiJar(api("", "@Public"), dir.resolve("api.jar")), "-Aportcullis.requireExplicit=true");
    assertThat(server).failed();
    assertThat(server).hadErrorCount(1);
    assertThat(server).hadErrorContaining("list()");
    assertThat(server).hadErrorContaining("-Aportcullis.requireExplicit=true");
  }

  @Test
  void denyByDefaultFromAPackageAnnotationInTheJar(@TempDir Path dir) throws Exception {
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceLines(
            "api.package-info", "@dev.portcullis.RequireExplicitDecisions", "package api;");
    Compilation api =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(api("", "@Public"), packageInfo);
    assertThat(api).succeededWithoutWarnings();
    Compilation server = server(ClassPaths.withJarOf(api, dir.resolve("api.jar")));
    assertThat(server).failed();
    assertThat(server).hadErrorCount(1);
    assertThat(server).hadErrorContaining("@RequireExplicitDecisions on package api");
  }

  @Test
  void apiJarChangedWithoutRebuildingTheServerRefusesToStart(@TempDir Path dir) throws Exception {
    IllegalStateException refusal =
        startWithNewerApi(dir, api("@RequiresScope(\"orders:admin\")", "@Public"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @RequiresScope(\"orders:read\") on server.OrdersResource.list(), but the"
            + " annotations declare @RequiresScope(\"orders:admin\") on api.OrdersApi.list()");
    Truth.assertThat(refusal).hasMessageThat().contains("server.OrdersResource_PortcullisFilter");
    Truth.assertThat(refusal).hasMessageThat().contains("rebuild the module that contains server.OrdersResource");
  }

  @Test
  void publicMethodThatBecameProtectedInTheJarRefusesToStartInsteadOfAnsweringWithoutAToken(
      @TempDir Path dir) throws Exception {
    IllegalStateException refusal =
        startWithNewerApi(dir, api("@RequiresScope(\"orders:read\")", "@RequiresScope(\"shop:admin\")"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @Public on server.OrdersResource.health(), but the annotations declare"
            + " @RequiresScope(\"shop:admin\") on api.OrdersApi.health()");
  }

  @Test
  void protectedMethodThatBecamePublicInTheJarRefusesToStartToo(@TempDir Path dir)
      throws Exception {
    IllegalStateException refusal = startWithNewerApi(dir, api("@Public", "@Public"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @RequiresScope(\"orders:read\") on server.OrdersResource.list(), but the"
            + " annotations declare @Public on api.OrdersApi.list()");
  }

  @Test
  void stepUpAddedInTheJarRefusesToStartRatherThanServeWithoutIt(@TempDir Path dir)
      throws Exception {
    IllegalStateException refusal =
        startWithNewerApi(
            dir, api("@RequiresScope(value = \"orders:read\", acr = \"mfa\", maxAge = 300)", "@Public"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @RequiresScope(\"orders:read\") on server.OrdersResource.list(), but the"
            + " annotations declare @RequiresScope(value = \"orders:read\", acr = \"mfa\", maxAge = 300) on"
            + " api.OrdersApi.list()");
  }

  @Test
  void dpopRequiredInTheJarRefusesToStartRatherThanServeWithoutIt(@TempDir Path dir)
      throws Exception {
    IllegalStateException refusal =
        startWithNewerApi(
            dir,
            api("@RequiresScope(value = \"orders:read\", dpop = dev.portcullis.Dpop.REQUIRED)", "@Public"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @RequiresScope(\"orders:read\") on server.OrdersResource.list(), but the"
            + " annotations declare @RequiresScope(value = \"orders:read\", dpop = REQUIRED) on"
            + " api.OrdersApi.list()");
  }

  @Test
  void publicMethodThatNowAsksForStepUpInTheJarRefusesToStart(@TempDir Path dir)
      throws Exception {
    IllegalStateException refusal =
        startWithNewerApi(
            dir, api("@RequiresScope(\"orders:read\")", "@dev.portcullis.RequiresToken(maxAge = 60)"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @Public on server.OrdersResource.health(), but the annotations declare"
            + " @RequiresToken(maxAge = 60) on api.OrdersApi.health()");
  }

  @Test
  void annotationRemovedFromTheJarRefusesToStart(@TempDir Path dir) throws Exception {
    IllegalStateException refusal = startWithNewerApi(dir, api("", "@Public"));
    Truth.assertThat(refusal)
        .hasMessageThat()
        .contains("it enforces @RequiresScope(\"orders:read\") on server.OrdersResource.list(), but no"
            + " Portcullis annotation decides that method any more");
  }

  @Test
  void scopeHierarchyNarrowedInTheJarRefusesToStart(@TempDir Path dir) throws Exception {
    Compilation api1 =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(scopedApi("implies = READ"));
    assertThat(api1).succeededWithoutWarnings();
    Compilation server = server(ClassPaths.withJarOf(api1, dir.resolve("api-v1.jar")));
    assertThat(server).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.lines(server, "server.OrdersResource"))
        .contains("list() scopes ALL orders:read impliedBy {orders:read=[orders:admin]}");
    Path classes = dir.resolve("classes");
    Compilation api2 = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(scopedApi(""));
    assertThat(api2).succeeded();
    ClassPaths.writeClassOutput(api2.generatedFiles(), classes);
    Throwable thrown =
        assertThrows(
            Throwable.class,
            () -> ServedCompilation.start(server.generatedFiles(), classes, AUDIENCE, "server.OrdersResource")
                .close());
    Truth.assertThat(refusal(thrown))
        .hasMessageThat()
        .contains("it accepts [orders:admin] in place of \"orders:read\" on server.OrdersResource.list(),"
            + " but the scope catalogues now imply it by []");
  }

  /** The API with a catalogue in which orders:admin says {@code adminImplies}. */
  private static JavaFileObject[] scopedApi(String adminImplies) {
    JavaFileObject scopes =
        JavaFileObjects.forSourceLines(
            "api.OrdersScopes",
            "package api;",
            "",
            "import dev.portcullis.ScopeCatalogue;",
            "import dev.portcullis.ScopeDescription;",
            "",
            "@ScopeCatalogue",
            "public interface OrdersScopes {",
            "  @ScopeDescription(\"Read orders.\") String READ = \"orders:read\";",
            "  @ScopeDescription(value = \"Administer orders.\""
                + (adminImplies.isEmpty() ? "" : ", " + adminImplies)
                + ") String ADMIN = \"orders:admin\";",
            "}");
    JavaFileObject api =
        JavaFileObjects.forSourceLines(
            "api.OrdersApi",
            "package api;",
            "",
            "import dev.portcullis.RequiresScope;",
            "import jakarta.ws.rs.GET;",
            "import jakarta.ws.rs.Path;",
            "",
            "@Path(\"/orders\")",
            "public interface OrdersApi {",
            "  @GET @RequiresScope(OrdersScopes.READ) String list();",
            "  @GET @Path(\"health\") @RequiresScope(OrdersScopes.ADMIN) String health();",
            "}");
    return new JavaFileObject[] {scopes, api};
  }

  /**
   * Compiles the server against API version 1, then serves its classes with {@code newer} API
   * classes beside them, as a deployment that updated the API jar alone would.
   */
  private static IllegalStateException startWithNewerApi(Path dir, JavaFileObject newer)
      throws Exception {
    Compilation server = server(apiJar(API_V1, dir.resolve("api-v1.jar")));
    assertThat(server).succeededWithoutWarnings();
    Path classes = dir.resolve("classes");
    ClassPaths.writeClassOutput(apiCompilation(newer).generatedFiles(), classes);
    return refusal(
        assertThrows(
            Throwable.class,
            () -> ServedCompilation.start(server.generatedFiles(), classes, AUDIENCE, "server.OrdersResource")
                .close()));
  }

  /** Portcullis' refusal among the causes of what startup threw. */
  private static IllegalStateException refusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalStateException refusal
          && String.valueOf(refusal.getMessage()).startsWith("Portcullis refuses to start")) {
        return refusal;
      }
    }
    throw new AssertionError("Startup failed, but not with Portcullis' refusal", thrown);
  }

  private static Compilation apiCompilation(JavaFileObject api) {
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(api);
    assertThat(compilation).succeeded();
    return compilation;
  }

  private static String token(ServedCompilation app, String scope) {
    return app.token(AUDIENCE, scope);
  }

  private static int status(ServedCompilation app, String path, String token) throws Exception {
    return app.status("GET", path, token);
  }
}
