package dev.portcullis.internal.keys;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.net.ssl.SSLContext;

/**
 * Nimbus' {@link DefaultResourceRetriever} that never follows a redirect. The JDK follows
 * redirects within one scheme by default, so a JWKS URL on a loopback host, allowed over plain
 * http, could send the fetch to any other http host, past the https-or-loopback rule that
 * configuration and discovery enforce ({@link UrlPolicy}). A redirect answer is an error like
 * any other status outside 2xx: the fetch fails and the key set is not replaced.
 */
final class KeySetRetriever extends DefaultResourceRetriever {

  /**
   * @param timeoutMillis connect and read timeout
   * @param maxBytes the largest key set accepted
   * @param tls the TLS of https fetches, or {@code null} for the JDK's default
   */
  KeySetRetriever(int timeoutMillis, int maxBytes, SSLContext tls) {
    super(timeoutMillis, timeoutMillis, maxBytes, true, tls == null ? null : tls.getSocketFactory());
  }

  @Override
  protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
    HttpURLConnection connection = super.openHTTPConnection(url);
    connection.setInstanceFollowRedirects(false);
    return connection;
  }
}
