package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.sample.http.RawConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sample as a server for clients that keep a connection, and when its port is taken. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SampleServingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneConnectionCarriesAThousandSequentialRequests() throws Exception {
    try (SampleApp app = SampleApp.start(Map.of("PORT", "0"), new Properties());
         RawConnection connection = RawConnection.open(app.baseUri().getPort())) {
      String token = token(app);
      for (int i = 0; i < 1_000; i++) {
        String path = switch (i % 3) {
          case 0 -> "/health";
          case 1 -> "/api/orders/1";
          default -> "/api/me";
        };
        connection.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        RawConnection.Response response = connection.read();
        assertEquals(200, response.status(), () -> path + ": " + response);
        String expected = switch (i % 3) {
          case 0 -> "UP";
          case 1 -> "1";
          default -> "developer";
        };
        String field = i % 3 == 0 ? "status" : i % 3 == 1 ? "id" : "sub";
        assertEquals(expected, JSON.readTree(response.body()).get(field).asText(), response::body);
      }
    }
  }

  @Test
  void aTakenPortIsNamedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> SampleApp.start(Map.of("PORT", Integer.toString(port)), new Properties()).close());
      assertTrue(e.getMessage().startsWith("Port " + port + " on 127.0.0.1 is already in use"), e.getMessage());
      assertTrue(e.getMessage().contains("PORT=0 picks a free one"), e.getMessage());
    }
  }

  private static String token(SampleApp app) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(app.devTokenEndpoint()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "grant_type=client_credentials&client_id=developer&client_secret=secret&scope=orders:read"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body()).get("access_token").asText();
  }
}
