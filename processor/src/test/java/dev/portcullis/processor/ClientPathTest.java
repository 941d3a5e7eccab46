package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The path a generated client sends a method to is the one the scope manifest lists for it:
 * the client's own {@code @Path}, else that of the interface declaring the method, else the
 * nearest one above that interface.
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
        "Client method BothApi.create(String) is declared in greet.BothApi, which has no @Path,"
            + " and inherits two: \"/api/greetings\" from greet.GreetingsReadApi and \"/api/cards\""
            + " from greet.CardsApi, so the path the client calls is ambiguous. Put @Path on"
            + " greet.BothApi, or on the client interface greet.BothClient.")
        .inFile(client).onLine(6);
  }
}
