package dev.portcullis.sample;

import dev.portcullis.PortcullisConfig.DpopPolicy;
import java.io.PrintStream;
import java.net.URI;

/** The text the sample prints when it is ready: where things are and what to paste. */
final class Welcome {

  private final String api;
  private final String issuer;
  private final String audience;
  private final String devTokenEndpoint;
  private final DpopPolicy dpop;

  Welcome(String api, String issuer, String audience, String devTokenEndpoint, DpopPolicy dpop) {
    this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    this.issuer = issuer;
    this.audience = audience;
    this.devTokenEndpoint = devTokenEndpoint;
    this.dpop = dpop;
  }

  void print(PrintStream out) {
    out.println();
    out.println("Portcullis sample Orders API is listening on " + api);
    if (devTokenEndpoint != null) {
      out.println("Authorization server: " + issuer + "  (embedded, for development only: it issues any scope to any client)");
    } else {
      out.println("Authorization server: " + issuer);
    }
    out.println("Required audience:    " + audience);
    out.println();
    out.println("Routes: GET /health (public) | GET /api/me (any valid token)");
    out.println("        GET /api/orders, GET /api/orders/{id} (orders:read) | POST /api/orders (orders:write)");
    out.println("        DELETE /api/orders/{id} (orders:admin) | GET /.well-known/oauth-protected-resource (public)");
    out.println();
    if (dpop == DpopPolicy.REQUIRED) {
      out.println("This API accepts only DPoP-bound tokens (PORTCULLIS_DPOP=required): a request with a bearer");
      out.println("token is answered 401 with WWW-Authenticate: DPoP.");
      if (devTokenEndpoint != null) {
        out.println("A generated client with DPoP, step by step: java -jar portcullis-sample-app.jar demo --dpop");
      } else {
        out.println("Get a DPoP-bound access token for audience " + audience + " from your identity provider and send");
        out.println("it as Authorization: DPoP <token> with a DPoP proof of its key.");
      }
      out.println();
      return;
    }
    if (devTokenEndpoint == null) {
      out.println("Get an access token for audience " + audience + " from your identity provider, then:");
      out.println("  curl -i " + api + "/api/orders -H \"Authorization: Bearer $TOKEN\"");
      out.println();
      return;
    }
    out.println("Try it (copy and paste):");
    out.println();
    out.println("  # no token: 401 with WWW-Authenticate: Bearer");
    out.println("  curl -i " + api + "/api/orders");
    out.println();
    out.println("  # a reader's token (client_credentials, scope orders:read)");
    out.println("  TOKEN=$(" + tokenCommand("reader", "orders:read") + ")");
    out.println("  curl -i " + api + "/api/orders -H \"Authorization: Bearer $TOKEN\"");
    out.println("  curl -i " + api + "/api/me -H \"Authorization: Bearer $TOKEN\"");
    out.println();
    out.println("  # the reader may not create: 403 error=\"insufficient_scope\", scope=\"orders:write\"");
    out.println("  curl -i -X POST " + api + "/api/orders -H \"Authorization: Bearer $TOKEN\" "
        + "-H 'Content-Type: application/json' -d '{\"item\":\"tea\",\"quantity\":1}'");
    out.println();
    out.println("  # a writer may: 201 Created");
    out.println("  WRITER=$(" + tokenCommand("writer", "orders:read orders:write") + ")");
    out.println("  curl -i -X POST " + api + "/api/orders -H \"Authorization: Bearer $WRITER\" "
        + "-H 'Content-Type: application/json' -d '{\"item\":\"tea\",\"quantity\":1}'");
    out.println();
    out.println("  # a broken token: 401 error=\"invalid_token\"");
    out.println("  curl -i " + api + "/api/orders -H \"Authorization: Bearer not.a.token\"");
    out.println();
    out.println("Generated OAuth clients calling this API, step by step: java -jar portcullis-sample-app.jar demo");
    out.println("The same with DPoP-bound tokens (RFC 9449):                java -jar portcullis-sample-app.jar demo --dpop");
    out.println("A token from the command line, also for an API of your own that trusts this issuer:");
    int port = URI.create(api).getPort();
    out.println((port == SampleApp.DEFAULT_PORT ? "" : "PORT=" + port + " ")
        + "java -jar portcullis-sample-app.jar token --scope orders:read [--audience your-api] [--expires 10m]");
  }

  private String tokenCommand(String client, String scope) {
    return "curl -s -u " + client + ":secret -d grant_type=client_credentials -d 'scope=" + scope + "' "
        + devTokenEndpoint + " | sed -nE 's/.*\"access_token\" *: *\"([^\"]+)\".*/\\1/p'";
  }
}
