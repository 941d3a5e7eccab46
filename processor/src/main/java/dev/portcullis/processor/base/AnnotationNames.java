package dev.portcullis.processor.base;

import java.util.Set;

/**
 * Qualified names of the annotations and runtime types the processor works with. They are
 * strings, not class literals, so that the processor does not need the Portcullis runtime
 * or the JAX-RS API on the processor path.
 */
public final class AnnotationNames {
  public static final String REQUIRES_SCOPE = "dev.portcullis.RequiresScope";
  public static final String REQUIRES_TOKEN = "dev.portcullis.RequiresToken";
  public static final String PUBLIC = "dev.portcullis.Public";
  public static final String OAUTH_CLIENT = "dev.portcullis.OAuthClient";
  public static final String SCOPE_CATALOGUE = "dev.portcullis.ScopeCatalogue";
  public static final String SCOPE_DESCRIPTION = "dev.portcullis.ScopeDescription";
  public static final String DPOP = "dev.portcullis.Dpop";
  public static final String REQUIRE_EXPLICIT_DECISIONS = "dev.portcullis.RequireExplicitDecisions";
  public static final String APPLICATION = "jakarta.ws.rs.core.Application";

  public static final String JAXRS_PACKAGE = "jakarta.ws.rs";
  public static final String PATH = "jakarta.ws.rs.Path";
  public static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";

  /** The HTTP method annotations JAX-RS defines; custom ones are found by their meta-annotation. */
  public static final Set<String> STANDARD_HTTP_METHODS =
      Set.of(
          "jakarta.ws.rs.GET",
          "jakarta.ws.rs.POST",
          "jakarta.ws.rs.PUT",
          "jakarta.ws.rs.DELETE",
          "jakarta.ws.rs.HEAD",
          "jakarta.ws.rs.OPTIONS",
          "jakarta.ws.rs.PATCH");

  public static final String SPI_PACKAGE = "dev.portcullis.spi";
  /** Where the classes generated clients call live: portcullis-client, not the runtime. */
  public static final String CLIENT_SPI_PACKAGE = "dev.portcullis.client.spi";
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private AnnotationNames() {}
}
