package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The path a generated client sends a method to is the one the resource class serving it has,
 * and the scope manifest lists: the client's own {@code @Path}, else that of the most derived
 * API interface between the client and the interface declaring the method, else the nearest one
 * above that interface. Two equally near and different ones are a compile error.
 */
class ClientPathTest {
  private static final JavaFileObject READ_API = JavaFileObjects.forSourceString("greet.GreetingsReadApi", """
      package greet;

      import dev.portcullis.RequiresScope;
      import jakarta.ws.rs.GET;
      import jakarta.ws.rs.Path;

      @Path("/api/greetings")
      public interface GreetingsReadApi {
        @GET
        @RequiresScope("greetings:read")
        String list();
      }
      """);

  private static final JavaFileObject API = JavaFileObjects.forSourceString("greet.GreetingsApi", """
      package greet;

      import dev.portcullis.RequiresScope;
      import jakarta.ws.rs.DELETE;
      import jakarta.ws.rs.POST;
      import jakarta.ws.rs.Path;
      import jakarta.ws.rs.PathParam;

      public interface GreetingsApi extends GreetingsReadApi {
        @POST
        @RequiresScope("greetings:write")
        String create(String text);

        @DELETE
        @Path("{id}")
        @RequiresScope("greetings:write")
        void delete(@PathParam("id") String id);
      }
      """);

  private static final JavaFileObject CLIENT = JavaFileObjects.forSourceString("greet.GreetingsClient", """
      package greet;

      import dev.portcullis.OAuthClient;

      @OAuthClient(name = "greetings", scopes = {"greetings:read", "greetings:write"})
      public interface GreetingsClient extends GreetingsApi {}
      """);

  @Test
  void methodsOfAnInterfaceWithoutPathUseThePathItInherits() {
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor())
        .compile(READ_API, API, CLIENT);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("greet.GreetingsClient_OAuthStub")
        .contentsAsUtf8String().contains("this.target.call(\"POST\", \"api/greetings\")");
    assertThat(compilation).generatedSourceFile("greet.GreetingsClient_OAuthStub")
        .contentsAsUtf8String().contains("this.target.call(\"DELETE\", \"api/greetings/{id}\")");
    assertThat(compilation).generatedSourceFile("greet.GreetingsClient_OAuthStub")
        .contentsAsUtf8String().contains("this.target.call(\"GET\", \"api/greetings\")");
  }

  /** Three levels of interfaces, {@code Top <- Middle <- client}, with @Path where {@code layout} puts it. */
  private static Compilation threeLevels(String topPath, String middlePath) {
    JavaFileObject top = JavaFileObjects.forSourceString("three.Top", """
        package three;

        import dev.portcullis.RequiresScope;
        import jakarta.ws.rs.GET;
        import jakarta.ws.rs.Path;

        %s
        public interface Top {
          @GET
          @RequiresScope("three:read")
          String list();
        }
        """.formatted(topPath == null ? "" : "@Path(\"" + topPath + "\")"));
    JavaFileObject middle = JavaFileObjects.forSourceString("three.Middle", """
        package three;

        import dev.portcullis.RequiresScope;
        import jakarta.ws.rs.POST;
        import jakarta.ws.rs.Path;

        %s
        public interface Middle extends Top {
          @POST
          @RequiresScope("three:read")
          String create(String text);
        }
        """.formatted(middlePath == null ? "" : "@Path(\"" + middlePath + "\")"));
    JavaFileObject client = JavaFileObjects.forSourceString("three.ThreeClient", """
        package three;

        import dev.portcullis.OAuthClient;

        @OAuthClient(name = "three", scopes = "three:read")
        public interface ThreeClient extends Middle {}
        """);
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(top, middle, client);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static void assertCalls(Compilation compilation, String get, String post) {
    assertThat(compilation).generatedSourceFile("three.ThreeClient_OAuthStub")
        .contentsAsUtf8String().contains("this.target.call(\"GET\", \"" + get + "\")");
    assertThat(compilation).generatedSourceFile("three.ThreeClient_OAuthStub")
        .contentsAsUtf8String().contains("this.target.call(\"POST\", \"" + post + "\")");
  }

  @Test
  void threeLevelsWithThePathOnTheTopInterface() {
    assertCalls(threeLevels("/top", null), "top", "top");
  }

  @Test
  void threeLevelsWithThePathOnTheMiddleInterfaceServeTheTopMethodsThereToo() {
    // A resource class implementing Middle is served under Middle's @Path, Top's methods included.
    assertCalls(threeLevels(null, "/middle"), "middle", "middle");
  }

  @Test
  void threeLevelsWithPathsOnBothTheMostDerivedInterfaceWins() {
    assertCalls(threeLevels("/top", "/middle"), "middle", "middle");
  }

  @Test
  void twoInheritedPathsForOneMethodAreACompileErrorAtTheClient() {
    JavaFileObject other = JavaFileObjects.forSourceString("greet.CardsApi", """
        package greet;

        import jakarta.ws.rs.Path;

        @Path("/api/cards")
        public interface CardsApi {}
        """);
    JavaFileObject both = JavaFileObjects.forSourceString("greet.BothApi", """
        package greet;

        import dev.portcullis.RequiresScope;
        import jakarta.ws.rs.POST;

        public interface BothApi extends GreetingsReadApi, CardsApi {
          @POST
          @RequiresScope("greetings:write")
          String create(String text);
        }
        """);
    JavaFileObject client = JavaFileObjects.forSourceString("greet.BothClient", """
        package greet;

        import dev.portcullis.OAuthClient;

        @OAuthClient(name = "both", scopes = {"greetings:read", "greetings:write"})
        public interface BothClient extends BothApi {}
        """);

    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor())
        .compile(READ_API, other, both, client);

    assertThat(compilation).hadErrorContaining(
        "Client method BothApi.create(String) is declared in greet.BothApi, and the client's"
            + " interfaces give two paths it could be served under: \"/api/greetings\" of"
            + " greet.GreetingsReadApi and \"/api/cards\" of greet.CardsApi, so the path the client"
            + " calls is ambiguous. Put @Path on the client interface greet.BothClient.")
        .inFile(client).onLine(6);
  }
}
