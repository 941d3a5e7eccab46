package dev.portcullis.internal.keys;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

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
   */
  KeySetRetriever(int timeoutMillis, int maxBytes) {
    super(timeoutMillis, timeoutMillis, maxBytes);
  }

  @Override
  protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
    HttpURLConnection connection = super.openHTTPConnection(url);
    connection.setInstanceFollowRedirects(false);
    return connection;
  }
}
