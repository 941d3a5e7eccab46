package dev.portcullis.internal.introspection;

import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** Asks an introspection endpoint about one token (RFC 7662). Thread-safe. */
public interface Introspector {
  /**
   * The members of the endpoint's answer, a well-formed introspection response whose {@code
   * active} is a boolean; nothing in it is judged yet. Takes at most the configured HTTP timeout.
   *
   * @throws IntrospectionFailedException when there is no such answer: the endpoint could not
   *     be reached, did not answer in time, answered with an error status or with something
   *     that is not an introspection response
   */
  Map<String, Object> introspect(URI endpoint, String token) throws IntrospectionFailedException;

  /**
   * The endpoint's answer as a signed JWT (RFC 9701, {@code application/token-introspection+jwt}),
   * unverified; the caller checks its signature, type and claims. Takes at most the configured
   * HTTP timeout.
   *
   * @throws IntrospectionFailedException when there is no such answer, an answer in plain JSON
   *     included
   */
  String introspectAsJwt(URI endpoint, String token) throws IntrospectionFailedException;

  /**
   * The TLS the calls are made with, which the discovery of the endpoint uses too: the client
   * certificate they present and the authorities they trust; {@code null} for the JDK's default.
   */
  default SSLContext tls() {
    return null;
  }
}
