package com.example.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.test.SecurityConformance;
import dev.portcullis.test.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotesApiTest {
  // An identity provider in this JVM: keys in memory, discovery and JWKS on 127.0.0.1.
  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("notes-api");

  static HttpServer server;
  static URI baseUri;

  @BeforeAll
  static void start() {
    server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        Main.application(issuer.config()));
    baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void aWriterMayCreateANote() throws Exception {
    String writer = issuer.token().scopes("notes:write").sign();
    HttpResponse<String> created = send(HttpRequest.newBuilder(baseUri.resolve("notes"))
        .header("Authorization", "Bearer " + writer)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"buy milk\"}")));
    assertEquals(200, created.statusCode());
    assertTrue(created.body().contains("\"text\":\"buy milk\""), created.body());
  }

  @Test
  void aReaderMayNotCreateANote() throws Exception {
    String reader = issuer.token().scopes("notes:read").sign();
    HttpResponse<String> refused = send(HttpRequest.newBuilder(baseUri.resolve("notes"))
        .header("Authorization", "Bearer " + reader)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"buy milk\"}")));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow()
        .contains("error=\"insufficient_scope\""));
  }

  // One test per endpoint and case: no token, expired, wrong audience, forged, scopes missing, ...
  @TestFactory
  Stream<DynamicNode> everyEndpointIsProtectedAsDeclared() {
    return SecurityConformance.of(baseUri, issuer).tests();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
