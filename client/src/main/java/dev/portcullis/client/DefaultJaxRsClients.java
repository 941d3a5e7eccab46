package dev.portcullis.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The JAX-RS clients of the generated clients built without one ({@link
 * OAuthClients.Builder#client(Client)}): one built with {@link ClientBuilder} (10 s connect and
 * 30 s read timeout) for every generated client without TLS settings, and one per {@link
 * ClientTls} presenting its certificate. A JAX-RS client is thread-safe, while building one and
 * its runtime costs milliseconds and about a megabyte (ClientCallBenchmark), and a web
 * application builds a generated client per user or per request: sharing keeps that cost to
 * once. The generated clients configure only their own {@code WebTarget}s, never the shared
 * client. A {@link ClientTls}'s client lives as long as the {@code ClientTls}; the plain one as
 * long as the class. They are never closed: they end with the application's class loader.
 */
final class DefaultJaxRsClients {
  /** The key of the plain client, which no {@link ClientTls} equals. */
  private static final Object PLAIN = new Object();
  private static final Map<Object, Client> CLIENTS = new WeakHashMap<>();

  private DefaultJaxRsClients() {}

  /** The shared client presenting {@code tls}'s certificate, or the plain one for {@code null}. */
  static synchronized Client of(ClientTls tls) {
    return CLIENTS.computeIfAbsent(tls == null ? PLAIN : tls, key -> build(tls));
  }

  private static Client build(ClientTls tls) {
    ClientBuilder builder = ClientBuilder.newBuilder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS);
    if (tls != null) {
      builder.sslContext(tls.sslContext());
    }
    return builder.build();
  }
}
