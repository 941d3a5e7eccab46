package com.example.notes;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import java.net.URI;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Serves the Notes API on 127.0.0.1:8090 (or $PORT), trusting the issuer in $PORTCULLIS_ISSUER. */
public final class Main {
  private Main() {}

  /** The application: the resource, JSON, and Portcullis with this configuration. */
  public static ResourceConfig application(PortcullisConfig config) {
    return new ResourceConfig(NotesResource.class)
        .register(JacksonFeature.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)  // WADL needs JAXB, not used here
        .register(new PortcullisFeature(config));
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
    PortcullisConfig config = PortcullisConfig.builderFromEnvironment() // issuer: PORTCULLIS_ISSUER
        .audience("notes-api")                            // tokens must be meant for this API
        .resource(URI.create("http://127.0.0.1:" + port)) // named in every challenge (RFC 9728)
        .build();
    HttpServer server = JdkHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:" + port + "/"), application(config));
    System.out.println("Notes API listening on http://127.0.0.1:" + server.getAddress().getPort());
  }
}
