package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every @OAuthClient mistake the processor can see fails the build at the exact annotation
 * value or method, with the message that says how to fix it. One compilation serves all tests.
 */
class ClientValidationTest {
  private static final JavaFileObject NOT_AN_INTERFACE =
      JavaFileObjects.forSourceLines(
          "shop.NotAnInterface",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "@OAuthClient(name = \"class\")",
          "public class NotAnInterface {}");

  private static final JavaFileObject GENERIC =
      JavaFileObjects.forSourceLines(
          "shop.GenericClient",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "import jakarta.ws.rs.GET;",
          "@OAuthClient(name = \"generic\")",
          "public interface GenericClient<T> {",
          "  @GET T get();",
          "}");

  private static final JavaFileObject BAD_ANNOTATION =
      JavaFileObjects.forSourceLines(
          "shop.BadAnnotation",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "@OAuthClient(",
          "    name = \"orders reader\",",
          "    scopes = {\"ok\",",
          "        \"two words\",",
          "        \"ok\"})",
          "public interface BadAnnotation {}");

  private static final JavaFileObject READER =
      JavaFileObjects.forSourceLines(
          "shop.ReaderClient",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "@OAuthClient(name = \"reader\",",
          "    scopes = \"orders:read\")",
          "public interface ReaderClient extends OrdersApi {}");

  private static final JavaFileObject ANY_OF =
      JavaFileObjects.forSourceLines(
          "shop.AnyOfClient",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.ScopeMatch;",
          "import jakarta.ws.rs.DELETE;",
          "@OAuthClient(name = \"any-of\", scopes = {\"orders:read\",",
          "    \"profile\"})",
          "public interface AnyOfClient {",
          "  @DELETE @RequiresScope(value = {\"orders:admin\", \"ops\"}, match = ScopeMatch.ANY)",
          "  void purge();",
          "}");

  private static final JavaFileObject BAD_METHODS =
      JavaFileObjects.forSourceLines(
          "shop.BadMethods",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "import jakarta.ws.rs.BeanParam;",
          "import jakarta.ws.rs.FormParam;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.POST;",
          "import jakarta.ws.rs.Path;",
          "import jakarta.ws.rs.PathParam;",
          "import java.util.concurrent.Future;",
          "@OAuthClient(name = \"bad-methods\")",
          "public interface BadMethods {",
          "  String noHttpMethod();",
          "  @GET <T> T typeParameter();",
          "  @POST String twoBodies(String first, String second);",
          "  @POST String bodyAndForm(String body, @FormParam(\"f\") String field);",
          "  @GET String bean(@BeanParam Unreadable bean);",
          "  @GET String context(@jakarta.ws.rs.core.Context Object request);",
          "  @GET String suspended(",
          "      @jakarta.ws.rs.container.Suspended jakarta.ws.rs.container.AsyncResponse response);",
          "  @GET String search(@BeanParam java.util.List<String> values);",
          "  @GET @Path(\"{id}\") String strayPathParam(",
          "      @PathParam(\"id\") String id,",
          "      @PathParam(\"other\") String other);",
          "  @GET @Path(\"{id}\") String unboundTemplate();",
          "  @GET Future<String> future();",
          "  @GET java.util.concurrent.CompletableFuture<java.util.List<String>> completable();",
          "  @GET java.util.concurrent.CompletionStage<Future<String>> nested();",
          "  @GET java.util.concurrent.Flow.Publisher<String> publisher();",
          "  @GET java.util.concurrent.CompletionStage<?> unknownResult();",
          "}",
          "class Unreadable {",
          "  @jakarta.ws.rs.QueryParam(\"q\") private String query;",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(
              TestSources.ORDER,
              TestSources.ORDERS_API,
              NOT_AN_INTERFACE,
              GENERIC,
              BAD_ANNOTATION,
              READER,
              ANY_OF,
              BAD_METHODS);

  @Test
  void classIsNotAClient() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.CLIENT_NOT_AN_INTERFACE.format("NotAnInterface"))
        .inFile(NOT_AN_INTERFACE)
        .onLineContaining("@OAuthClient");
  }

  @Test
  void genericInterfaceCannotBeImplemented() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLIENT_NOT_IMPLEMENTABLE.format("GenericClient", "it has type parameters"))
        .inFile(GENERIC)
        .onLineContaining("@OAuthClient");
  }

  @Test
  void nameThatCannotBeAConfigurationKeyIsReportedAtTheName() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.CLIENT_NAME_INVALID.format("BadAnnotation", "orders reader"))
        .inFile(BAD_ANNOTATION)
        .onLineContaining("name = \"orders reader\"");
  }

  @Test
  void invalidScopeIsReportedAtThatScope() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.CLIENT_SCOPE_INVALID.format("two words", "BadAnnotation"))
        .inFile(BAD_ANNOTATION)
        .onLineContaining("\"two words\"");
  }

  @Test
  void repeatedScopeIsReportedAtTheRepeat() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.CLIENT_SCOPE_DUPLICATE.format("ok", "BadAnnotation"))
        .inFile(BAD_ANNOTATION)
        .onLineContaining("\"ok\"})");
  }

  @Test
  void inheritedMethodNeedingAnotherScopeIsReportedAtScopes() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLIENT_SCOPES_MISSING.format(
                "ReaderClient",
                "OrdersApi.create(Order)",
                "@RequiresScope(\"orders:write\")",
                "\"orders:write\"",
                "\"orders:write\""))
        .inFile(READER)
        .onLineContaining("scopes = \"orders:read\"");
  }

  @Test
  void anyMatchNeedsOneOfTheScopes() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLIENT_SCOPES_NONE_OF.format(
                "AnyOfClient",
                "AnyOfClient.purge()",
                "@RequiresScope(value = {\"orders:admin\", \"ops\"}, match = ANY)",
                "\"orders:admin\", \"ops\""))
        .inFile(ANY_OF)
        .onLineContaining("scopes = {\"orders:read\",");
  }

  @Test
  void methodWithoutHttpMethod() {
    assertOnMethod(Message.CLIENT_METHOD_NOT_HTTP.format("BadMethods.noHttpMethod()"), "noHttpMethod");
  }

  @Test
  void methodWithTypeParameters() {
    assertOnMethod(Message.CLIENT_METHOD_GENERIC.format("BadMethods.typeParameter()"), "typeParameter");
  }

  @Test
  void twoBodies() {
    assertOnMethod(
        Message.CLIENT_METHOD_TWO_ENTITIES.format(
            "BadMethods.twoBodies(String, String)", "first", "second"),
        "twoBodies");
  }

  @Test
  void bodyAndFormFields() {
    assertOnMethod(
        Message.CLIENT_METHOD_ENTITY_AND_FORM.format(
            "BadMethods.bodyAndForm(String, String)", "body"),
        "bodyAndForm");
  }

  @Test
  void beanPropertyWithoutGetterCannotBeRead() {
    assertOnMethod(
        Message.CLIENT_BEAN_PROPERTY_UNREADABLE.format(
            "Field query", "Unreadable", "BadMethods.bean(Unreadable)", "QueryParam", "getQuery"),
        "bean(");
  }

  @Test
  void beanParamThatIsNotAClass() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLIENT_BEAN_PARAM_NOT_A_CLASS.format(
                "values", "BadMethods.search(List)", "java.util.List<java.lang.String>"))
        .inFile(BAD_METHODS)
        .onLineContaining("search(");
  }

  @Test
  void contextParameterIsNoPartOfARequest() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLIENT_PARAMETER_UNSUPPORTED.format(
                "request", "BadMethods.context(Object)", "Context", ""))
        .inFile(BAD_METHODS)
        .onLineContaining("context(");
  }

  @Test
  void suspendedParameterIsNoPartOfARequest() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLIENT_PARAMETER_UNSUPPORTED.format(
                "response", "BadMethods.suspended(AsyncResponse)", "Suspended", ""))
        .inFile(BAD_METHODS)
        .onLineContaining("@jakarta.ws.rs.container.Suspended");
  }

  @Test
  void pathParamWithoutTemplateIsReportedAtItsName() {
    assertOnMethod(
        Message.CLIENT_PATH_PARAM_NOT_IN_PATH.format(
            "other", "other", "BadMethods.strayPathParam(String, String)", "{id}", "{id}", "other"),
        "@PathParam(\"other\")");
  }

  @Test
  void templateWithoutPathParam() {
    assertOnMethod(
        Message.CLIENT_PATH_TEMPLATE_UNBOUND.format(
            "{id}", "BadMethods.unboundTemplate()", "id", "id"),
        "unboundTemplate");
  }

  @Test
  void unsupportedReturnType() {
    assertOnMethod(
        Message.CLIENT_RETURN_TYPE_UNSUPPORTED.format(
            "BadMethods.unknownResult()", "java.util.concurrent.CompletionStage<?>"),
        "unknownResult()");
  }

  @Test
  void futureIsRefusedInFavourOfCompletionStage() {
    assertOnMethod(
        Message.CLIENT_RETURN_TYPE_ASYNC.format(
            "BadMethods.future()", "java.util.concurrent.Future<java.lang.String>",
            "java.lang.String"),
        "future()");
  }

  @Test
  void completableFutureIsRefusedInFavourOfCompletionStage() {
    assertOnMethod(
        Message.CLIENT_RETURN_TYPE_ASYNC.format(
            "BadMethods.completable()",
            "java.util.concurrent.CompletableFuture<java.util.List<java.lang.String>>",
            "java.util.List<java.lang.String>"),
        "completable()");
  }

  @Test
  void asynchronousTypeInsideCompletionStageIsRefused() {
    assertOnMethod(
        Message.CLIENT_RETURN_TYPE_ASYNC.format(
            "BadMethods.nested()",
            "java.util.concurrent.CompletionStage<java.util.concurrent.Future<java.lang.String>>",
            "java.lang.String"),
        "nested()");
  }

  @Test
  void publisherIsRefusedRatherThanReadAsAnEntity() {
    assertOnMethod(
        Message.CLIENT_RETURN_TYPE_ASYNC.format(
            "BadMethods.publisher()", "java.util.concurrent.Flow.Publisher<java.lang.String>",
            "java.lang.String"),
        "publisher()");
  }

  private static void assertOnMethod(String message, String line) {
    assertThat(COMPILATION).hadErrorContaining(message).inFile(BAD_METHODS).onLineContaining(line);
  }
}
