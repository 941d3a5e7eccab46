/**
 * Portcullis' resource-server side: the annotations, {@link dev.portcullis.PortcullisFeature}
 * and its configuration, and the seam to the filters the annotation processor generates.
 * Everything under {@code dev.portcullis.internal} is encapsulated; the few internal packages
 * the generated clients' artifact (portcullis-client, module {@code dev.portcullis.client})
 * shares are exported to it alone.
 */
module dev.portcullis {
  requires transitive jakarta.ws.rs;
  requires com.nimbusds.jose.jwt;
  requires com.github.benmanes.caffeine;
  requires java.net.http;
  // Only JerseyRegistrationGuard and JerseyShutdown, which only Jersey loads.
  requires static org.glassfish.jersey.core.common;
  requires static org.glassfish.jersey.core.server;

  exports dev.portcullis;
  exports dev.portcullis.spi;

  // Settings names and parsing, issuer discovery and the plain-http rule, shared with the clients,
  // and the verified token of the request being served, for clients acting for the caller.
  exports dev.portcullis.internal.settings to dev.portcullis.client;
  exports dev.portcullis.internal.keys to dev.portcullis.client;
  exports dev.portcullis.internal.http to dev.portcullis.client;
  // The seam of token introspection (RFC 7662): portcullis-client makes the calls.
  exports dev.portcullis.internal.introspection to dev.portcullis.client;

  uses dev.portcullis.internal.introspection.IntrospectorFactory;

  // Jersey finds JerseyRegistrationGuard through META-INF/services, which it reads as a
  // resource, and its injection (HK2) creates it. Not a "provides": that would make the module
  // unresolvable wherever Jersey is absent.
  opens dev.portcullis.internal.filters to org.glassfish.hk2.locator;
}
