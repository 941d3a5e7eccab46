package dev.portcullis.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar portcullis-sample-app.jar token --scope orders:read [--audience my-api]
 * [--expires 10m]}: prints an access token from the development authorization server of the
 * sample running on 127.0.0.1:{@code PORT}, and nothing else, so that {@code
 * TOKEN=$(java -jar ... token --scope orders:read)} works.
 *
 * <p>The token comes from the running sample because only its server holds the keys the
 * token is signed with: the sample's API trusts it, and so does any API under development whose
 * {@code PORTCULLIS_ISSUER} names the same issuer. The command finds that issuer in the
 * sample's RFC 9728 metadata and its token endpoint by discovery.
 */
final class TokenCommand {

  static final String USAGE = "java -jar portcullis-sample-app.jar token --scope SCOPE [--audience AUDIENCE]"
      + " [--expires DURATION]";
  /** The client the tokens are issued to: their sub and client_id. */
  static final String CLIENT_ID = "developer";
  static final Duration MAX_EXPIRES = Duration.ofSeconds(DevAuthorizationServer.MAX_LIFETIME_SECONDS);

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(s|m|h|d)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to ask for. {@code audience} and {@code expires} are {@code null} for the defaults. */
  record Request(List<String> scopes, String audience, Duration expires) {

    /**
     * Reads the command's arguments ({@code --name value} or {@code --name=value}).
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong and how to fix it
     */
    static Request parse(List<String> args) {
      List<String> scopes = new ArrayList<>();
      String audience = null;
      Duration expires = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        int equals = arg.indexOf('=');
        String name = equals > 0 ? arg.substring(0, equals) : arg;
        if (!name.equals("--scope") && !name.equals("--audience") && !name.equals("--expires")) {
          throw new IllegalArgumentException("Unknown option \"" + arg + "\"; the token command takes --scope,"
              + " --audience and --expires.");
        }
        String value;
        if (equals > 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          value = args.get(++i);
        } else {
          value = "";
        }
        if (value.isBlank()) {
          throw new IllegalArgumentException(name + " needs a value, for example " + example(name) + ".");
        }
        switch (name) {
          case "--scope" -> scopes.addAll(List.of(value.trim().split("\\s+")));
          case "--audience" -> audience = value.trim();
          default -> expires = expires(value.trim());
        }
      }
      if (scopes.isEmpty()) {
        throw new IllegalArgumentException("Say which scopes the token should grant, for example --scope orders:read"
            + " (several: --scope \"orders:read orders:write\").");
      }
      return new Request(List.copyOf(scopes), audience, expires);
    }

    private static String example(String option) {
      return switch (option) {
        case "--scope" -> "--scope orders:read";
        case "--audience" -> "--audience my-api";
        default -> "--expires 10m";
      };
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 such as {@code PT10M}. */
    static Duration expires(String text) {
      Duration duration;
      Matcher short_ = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
      try {
        if (short_.matches()) {
          long amount = Long.parseLong(short_.group(1));
          duration = switch (short_.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
        } else {
          duration = Duration.parse(text.toUpperCase(Locale.ROOT));
        }
      } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("--expires is \"" + text + "\", which is not a duration; use a value such"
            + " as 30s, 5m, 1h or PT10M.");
      }
      if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_EXPIRES) > 0) {
        throw new IllegalArgumentException("--expires is \"" + text + "\"; a development token lives from 1s to "
            + MAX_EXPIRES.toHours() + "h.");
      }
      return duration;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** Runs the command; returns the process exit code (0, 1 when no token, 2 for bad arguments). */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Request request;
    int port;
    try {
      request = Request.parse(args);
      port = SampleApp.port(env.get("PORT"));
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println(e.getMessage());
      err.println("Usage: " + USAGE);
      return 2;
    }
    try {
      out.println(new TokenCommand().mint(URI.create("http://127.0.0.1:" + port), request));
      return 0;
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /**
   * Asks the development server of the sample at {@code api} for a token.
   *
   * @throws IllegalStateException with a sentence that says what went wrong and what to do
   */
  String mint(URI api, Request request) {
    JsonNode metadata = getJson(api.resolve("/.well-known/oauth-protected-resource"), api);
    String issuer = metadata.path("authorization_servers").path(0).asText("");
    if (issuer.isEmpty()) {
      throw new IllegalStateException("The server at " + api + " names no authorization server in its RFC 9728"
          + " metadata; is it the Portcullis sample?");
    }
    JsonNode discovery = getJson(URI.create(issuer + "/.well-known/openid-configuration"), api);
    String tokenEndpoint = discovery.path("token_endpoint").asText("");
    StringBuilder form = new StringBuilder("grant_type=client_credentials&scope=")
        .append(encode(String.join(" ", request.scopes())));
    if (request.audience() != null) {
      form.append('&').append(DevAuthorizationServer.AUDIENCE_PARAMETER).append('=').append(encode(request.audience()));
    }
    if (request.expires() != null) {
      form.append('&').append(DevAuthorizationServer.EXPIRES_IN_PARAMETER).append('=')
          .append(request.expires().toSeconds());
    }
    String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":secret").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())), api);
    JsonNode answer = json(response, URI.create(tokenEndpoint));
    if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
      throw new IllegalStateException("The authorization server " + issuer + " refused the token request ("
          + response.statusCode() + " " + answer.path("error").asText("") + ": "
          + answer.path("error_description").asText("") + "). The token command works with the sample's embedded"
          + " development server; when the sample trusts another identity provider (PORTCULLIS_ISSUER), get tokens"
          + " from that provider.");
    }
    return answer.get("access_token").asText();
  }

  private JsonNode getJson(URI uri, URI api) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), api);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + "; is the server at "
          + api + " the Portcullis sample?");
    }
    return json(response, uri);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, URI api) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException("No sample is listening on " + api + ". Start it in another terminal"
          + " (java -jar sample-app/target/portcullis-sample-app.jar) and run this again; if it runs on another"
          + " port, set PORT to that port.");
    } catch (IOException e) {
      throw new IllegalStateException("Talking to the sample at " + api + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking " + api + " for a token.");
    }
  }

  private static JsonNode json(HttpResponse<String> response, URI from) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(from + " answered " + response.statusCode() + " with a body that is not JSON.");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
