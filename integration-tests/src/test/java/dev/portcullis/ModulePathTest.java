package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSObject;
import jakarta.ws.rs.core.Feature;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * portcullis-runtime as the named module {@code dev.portcullis} on the module path: a module that
 * requires it compiles against its API, one that imports an internal class does not, and a
 * Jersey application on the module path, protected by {@link PortcullisFeature}, answers a
 * request without a token with 401. portcullis-client is the automatic module {@code
 * dev.portcullis.client} there, and reaches the runtime packages exported to it.
 */
class ModulePathTest {
  /** What javac needs to resolve {@code requires dev.portcullis}: it and the modules it requires. */
  private static final List<Path> RUNTIME_MODULES = List.of(
      location(PortcullisFeature.class), location(Feature.class), location(JWSObject.class),
      location(Caffeine.class));

  /** Jersey on the JDK's HTTP server, and what it requires, by jar name on the test class path. */
  private static final List<String> JERSEY_JARS = List.of(
      "jersey-common-", "jersey-server-", "jersey-client-", "jersey-hk2-", "jersey-container-jdk-http-",
      "hk2-api-", "hk2-locator-", "hk2-utils-", "aopalliance-repackaged-", "javassist-",
      "osgi-resource-locator-", "jakarta.inject-api-", "jakarta.annotation-api-", "jakarta.activation-api-",
      "jakarta.xml.bind-api-", "jakarta.validation-api-");

  /** The OAuth 2.0 SDK and the jars it brings, by name on the test class path. */
  private static final List<String> SDK_JARS = List.of(
      "oauth2-oidc-sdk-", "json-smart-", "accessors-smart-", "asm-", "content-type-", "lang-tag-",
      "jcip-annotations-");

  @TempDir Path directory;

  @Test
  void aModuleThatRequiresDevPortcullisCompilesAgainstItsApi() throws IOException {
    Path sources = write(Map.of(
        "module-info.java", "module shop { requires dev.portcullis; }",
        "shop/OrdersResource.java", """
            package shop;

            import dev.portcullis.PortcullisConfig;
            import dev.portcullis.PortcullisFeature;
            import dev.portcullis.RequiresScope;
            import dev.portcullis.spi.AccessRule;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;

            @Path("orders")
            public class OrdersResource {
              static final AccessRule READ = AccessRule.allOf("orders:read");

              @GET
              @RequiresScope("orders:read")
              public String list() {
                return "[]";
              }

              static PortcullisFeature feature() {
                return new PortcullisFeature(PortcullisConfig.builder().issuer("https://idp.example.com").build());
              }
            }
            """));

    Compilation compilation = compile(sources, RUNTIME_MODULES, List.of("-proc:none"));

    assertTrue(compilation.succeeded, compilation.output);
  }

  @Test
  void internalPackagesAreNotVisibleToOtherModules() throws IOException {
    Path sources = write(Map.of(
        "module-info.java", "module shop { requires dev.portcullis; }",
        "shop/Internals.java", """
            package shop;

            import dev.portcullis.internal.settings.SettingsSource;
            import dev.portcullis.internal.verification.TokenVerifier;

            public class Internals {
              SettingsSource settings;
              TokenVerifier verifier;
            }
            """));

    Compilation compilation = compile(sources, RUNTIME_MODULES, List.of("-proc:none"));

    assertTrue(!compilation.succeeded, compilation.output);
    assertTrue(compilation.output.contains("package dev.portcullis.internal.verification is declared in module"
        + " dev.portcullis, which does not export it"), compilation.output);
    // Shared with the client module only.
    assertTrue(compilation.output.contains("package dev.portcullis.internal.settings is declared in module"
        + " dev.portcullis, which does not export it to module shop"), compilation.output);
  }

  @Test
  void aJerseyApplicationOnTheModulePathAnswersARequestWithoutATokenWith401() throws Exception {
    List<Path> modulePath = new ArrayList<>(RUNTIME_MODULES);
    for (String entry : testClassPath()) {
      String name = Path.of(entry).getFileName().toString();
      if (JERSEY_JARS.stream().anyMatch(name::startsWith)) {
        modulePath.add(Path.of(entry));
      }
    }
    Path sources = write(Map.of(
        "module-info.java", """
            open module shop {
              requires dev.portcullis;
              requires org.glassfish.jersey.core.server;
              requires org.glassfish.jersey.container.jdk.http;
              requires jdk.httpserver;
              requires java.net.http;
            }
            """,
        "shop/OrdersResource.java", """
            package shop;

            import dev.portcullis.RequiresScope;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;

            @Path("orders")
            public class OrdersResource {
              @GET
              @RequiresScope("orders:read")
              public String list() {
                return "[]";
              }
            }
            """,
        "shop/Main.java", """
            package shop;

            import com.sun.net.httpserver.HttpServer;
            import dev.portcullis.PortcullisConfig;
            import dev.portcullis.PortcullisFeature;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
            import org.glassfish.jersey.server.ResourceConfig;

            public class Main {
              public static void main(String[] args) throws Exception {
                ResourceConfig application = new ResourceConfig(OrdersResource.class)
                    // No key server: a request without a token is answered before keys are needed.
                    .register(new PortcullisFeature(PortcullisConfig.builder()
                        .issuer("http://127.0.0.1:9").audience("orders")
                        .jwksUri(URI.create("http://127.0.0.1:9/keys")).build()));
                HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application);
                try {
                  HttpResponse<String> answer = HttpClient.newHttpClient().send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders")).build(),
                      HttpResponse.BodyHandlers.ofString());
                  System.out.println("status " + answer.statusCode());
                  System.out.println("challenge " + answer.headers().firstValue("WWW-Authenticate").orElse("none"));
                } finally {
                  server.stop(0);
                }
                // The key loader keeps retrying on a thread of its own.
                System.exit(0);
              }
            }
            """));
    // The resource's filter is generated, so the processor runs as it does in an application's build.
    String processorPath = Stream.of(location(dev.portcullis.processor.PortcullisProcessor.class),
            location(com.palantir.javapoet.ClassName.class))
        .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    Compilation compilation = compile(sources, modulePath, List.of("-processorpath", processorPath));
    assertTrue(compilation.succeeded, compilation.output);

    String output = run(modulePath, "shop/shop.Main");
    assertTrue(output.contains("status 401\n"), output);
    assertTrue(output.contains("challenge Bearer"), output);
  }

  @Test
  void theClientIsTheAutomaticModuleDevPortcullisClientAndReadsTheRuntimeSettings() throws Exception {
    List<Path> modulePath = new ArrayList<>(RUNTIME_MODULES);
    modulePath.add(location(dev.portcullis.client.OAuthClients.class));
    for (String entry : testClassPath()) {
      String name = Path.of(entry).getFileName().toString();
      if (SDK_JARS.stream().anyMatch(name::startsWith)) {
        modulePath.add(Path.of(entry));
      }
    }
    Path sources = write(Map.of(
        // An automatic module passes on no readability of explicit ones: dev.portcullis is named too.
        "module-info.java", "module shop { requires dev.portcullis; requires dev.portcullis.client; }",
        "shop/Main.java", """
            package shop;

            import dev.portcullis.client.ClientConfigurationException;
            import dev.portcullis.client.OAuthClientSettings;

            public class Main {
              public static void main(String[] args) {
                try {
                  OAuthClientSettings.fromConfiguration("orders");
                  System.out.println("configured");
                } catch (ClientConfigurationException e) {
                  System.out.println("refused: " + e.getMessage());
                }
              }
            }
            """));
    Compilation compilation = compile(sources, modulePath, List.of("-proc:none"));
    assertTrue(compilation.succeeded, compilation.output);

    // The settings are read by the runtime's internal.settings, which it exports to this module alone.
    String output = run(modulePath, "shop/shop.Main");
    assertTrue(output.contains("refused: "), output);
    assertTrue(output.contains("portcullis.client.orders."), output);
  }

  private record Compilation(boolean succeeded, String output) {}

  /** Runs {@code mainClass} of the compiled module on the module path; its exit code must be 0. */
  private String run(List<Path> modulePath, String mainClass) throws Exception {
    String modules = Stream.concat(modulePath.stream(), Stream.of(directory.resolve("out")))
        .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    Process application = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--module-path", modules, "--add-modules", "ALL-MODULE-PATH", "--module", mainClass)
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("output.txt").toFile())
        .start();
    boolean finished = application.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      application.destroyForcibly();
    }
    String output = Files.readString(directory.resolve("output.txt"), StandardCharsets.UTF_8);
    assertTrue(finished, "The application's JVM did not finish in 60 s:\n" + output);
    assertEquals(0, application.exitValue(), output);
    return output;
  }

  private Compilation compile(Path sources, List<Path> modulePath, List<String> options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createDirectories(directory.resolve("out"));
    List<String> arguments = new ArrayList<>(options);
    // An empty class path: javac's default, this JVM's class path, holds the runtime's classes too.
    Path emptyClassPath = Files.createDirectories(directory.resolve("empty"));
    arguments.addAll(List.of("-d", out.toString(), "--class-path", emptyClassPath.toString(), "--module-path",
        modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sources)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(walk.filter(file -> file.toString().endsWith(".java")).toList());
      boolean succeeded = javac.getTask(output, files, null, arguments, null, units).call();
      return new Compilation(succeeded, output.toString());
    }
  }

  private Path write(Map<String, String> files) throws IOException {
    Path sources = directory.resolve("src");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = sources.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    return sources;
  }

  private static List<String> testClassPath() {
    // Surefire runs tests from a manifest-only jar and gives the real class path in its own property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.asList(classPath.split(File.pathSeparator));
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
