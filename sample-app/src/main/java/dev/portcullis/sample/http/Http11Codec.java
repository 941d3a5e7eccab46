package dev.portcullis.sample.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Grizzly's HTTP/1.1 codec with two corrections.
 *
 * <ul>
 *   <li>A request with more header fields than the listener's max-request-headers, or more bytes
 *       of headers than its max-http-header-size, is answered 431 Request Header Fields Too
 *       Large (RFC 6585) where Grizzly answers 400, which does not tell the client what to fix.
 *   <li>{@code Upgrade} is ignored, as RFC 9110 section 7.8 allows a server that does not speak
 *       the protocol asked for. Grizzly otherwise stops reading the body by its length and
 *       closes the connection after the response: a POST from Java's HttpClient, which asks for
 *       an upgrade to h2c, would wait for the end of its body until it timed out.
 * </ul>
 */
final class Http11Codec extends HttpServerFilter {

  /** Grizzly's header parsing states: 0 reads the request line, 1 the header fields. */
  private static final int READING_HEADER_FIELDS = 1;

  @SuppressWarnings("deprecation") // the constructor HttpServer itself uses; Grizzly has no builder yet
  private Http11Codec(NetworkListener listener, int maxHeaderBytes) {
    super(listener.isChunkingEnabled(), maxHeaderBytes, null, listener.getKeepAlive(), null,
        listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
  }

  @Override
  protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable error) throws IOException {
    // Past the request line, Grizzly's parser fails with IllegalStateException only when a
    // limit is exceeded: too many fields (MaxHeaderCountExceededException) or too many bytes.
    if (error instanceof IllegalStateException && header instanceof HttpPacketParsing parsing
        && parsing.getHeaderParsingState().state == READING_HEADER_FIELDS && header instanceof HttpRequestPacket request) {
      HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.setValues(request.getResponse());
    }
    super.onHttpHeaderError(header, ctx, error);
  }

  @Override
  protected void onIncomingUpgrade(FilterChainContext ctx, HttpHeader header) {
    header.getUpgradeDC().recycle();
  }

  /** Puts an {@link Http11Codec} in the place of the codec Grizzly configured. */
  static final class AddOn implements org.glassfish.grizzly.http.server.AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
      int index = builder.indexOfType(HttpServerFilter.class);
      HttpServerFilter configured = (HttpServerFilter) builder.get(index);
      int maxHeaderBytes = listener.getMaxHttpHeaderSize() == -1
          ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize();
      Http11Codec codec = new Http11Codec(listener, maxHeaderBytes);
      for (ContentEncoding encoding : configured.getContentEncodings()) {
        codec.addContentEncoding(encoding);
      }
      codec.setAllowPayloadForUndefinedHttpMethods(configured.isAllowPayloadForUndefinedHttpMethods());
      codec.setMaxPayloadRemainderToSkip(configured.getMaxPayloadRemainderToSkip());
      codec.getMonitoringConfig().addProbes(configured.getMonitoringConfig().getProbes());
      builder.set(index, codec);
    }
  }
}
