package dev.portcullis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.notes.Main;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.test.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers the tutorial quotes ({@code <!-- http-answer: name -->}) are what the tutorial's
 * application answers to the {@code curl} calls before them, replayed in the page's order: the
 * same status line, the same headers but {@code Date}, the same body. The tutorial's ports and
 * authorization server stand for this test's; a quoted {@code Content-length} must match the
 * quoted body.
 */
class TutorialHttpAnswersTest {
  private static final String TUTORIAL_API = "http://127.0.0.1:8090";
  private static final String TUTORIAL_ISSUER = "http://127.0.0.1:8081/default";
  private static final String NOTE = "{\"text\":\"buy milk\"}";

  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("notes-api");

  /** The request each quoted answer is the answer to, as the tutorial's curl calls send it. */
  private final Map<String, Function<URI, HttpRequest>> requests = Map.of(
      "no-token", api -> get(api, "notes", null),
      "reader-lists", api -> get(api, "notes", issuer.token().scopes("notes:read").sign()),
      "reader-may-not-create", api -> post(api, issuer.token().scopes("notes:read").sign()),
      "writer-creates", api -> post(api, issuer.token().scopes("notes:write").sign()),
      "other-audience", api -> get(api, "notes", issuer.token().scopes("notes:read").audience("orders-api").sign()),
      "public-count", api -> get(api, "notes/count", null),
      "metadata", api -> get(api, ".well-known/oauth-protected-resource", null));

  @Test
  void quotedAnswersAreWhatTheTutorialsApplicationAnswers() throws Exception {
    Path tutorial = Pages.ROOT.resolve("docs/tutorial.md");
    List<Pages.Block> answers = Pages.blocks(tutorial).stream().filter(b -> "http-answer".equals(b.kind())).toList();
    assertTrue(answers.size() >= requests.size(), "the tutorial quotes " + answers.size() + " answers");

    int port = freePort();
    String api = "http://127.0.0.1:" + port;
    HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create(api + "/"),
        Main.application(issuer.configBuilder().resource(URI.create(api)).build()));
    try {
      List<String> problems = new ArrayList<>();
      for (Pages.Block quoted : answers) {
        Function<URI, HttpRequest> request = requests.get(quoted.argument());
        if (request == null) {
          fail(quoted.where() + ": no request is known for the answer " + quoted.argument() + "; add it to this test");
        }
        HttpResponse<String> actual = HttpClient.newHttpClient()
            .send(request.apply(URI.create(api + "/")), HttpResponse.BodyHandlers.ofString());
        Answer asQuoted = Answer.parse(quoted.text());
        String length = asQuoted.headers().get("content-length");
        if (length != null && Integer.parseInt(length) != asQuoted.body().getBytes(StandardCharsets.UTF_8).length) {
          problems.add(quoted.where() + ": Content-length " + length + " is not the length of the quoted body");
        }
        Answer shown = Answer.parse(quoted.text().replace(TUTORIAL_API, api).replace(TUTORIAL_ISSUER, issuer.issuer()));
        Answer live = Answer.of(actual);
        if (!live.equals(shown)) {
          problems.add(quoted.where() + ": the tutorial quotes\n" + shown + "\n  but the application answers\n" + live);
        }
      }
      if (!problems.isEmpty()) {
        fail(String.join("\n", problems));
      }
    } finally {
      server.stop(0);
    }
  }

  private static HttpRequest get(URI api, String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private static HttpRequest post(URI api, String token) {
    return HttpRequest.newBuilder(api.resolve("notes")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(NOTE)).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A status line, the headers but Date and Content-length (names in lower case), and a body. */
  record Answer(String status, Map<String, String> headers, String body) {
    static Answer parse(String text) {
      int blank = text.indexOf("\n\n");
      String head = blank < 0 ? text : text.substring(0, blank);
      String body = blank < 0 ? "" : text.substring(blank + 2);
      String[] lines = head.split("\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      headers.remove("date");
      return new Answer(lines[0].strip(), headers, body);
    }

    static Answer of(HttpResponse<String> response) {
      Map<String, String> headers = new TreeMap<>();
      response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
      headers.remove("date");
      headers.remove(":status");
      String reason = switch (response.statusCode()) {
        case 200 -> "OK";
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        default -> "";
      };
      return new Answer("HTTP/1.1 " + response.statusCode() + " " + reason, headers, response.body());
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Answer that)) {
        return false;
      }
      Map<String, String> mine = new TreeMap<>(headers);
      Map<String, String> theirs = new TreeMap<>(that.headers);
      mine.remove("content-length");
      theirs.remove("content-length");
      return status.equals(that.status) && mine.equals(theirs) && body.equals(that.body);
    }

    @Override
    public int hashCode() {
      return status.hashCode();
    }
  }
}
