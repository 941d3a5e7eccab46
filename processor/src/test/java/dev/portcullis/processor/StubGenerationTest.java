package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import org.junit.jupiter.api.Test;

/** The generated client of an interface covering every parameter and result kind. */
class StubGenerationTest {
  static final Compilation CATALOG =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(
              TestSources.source("catalog/Item.java"),
              TestSources.source("catalog/PURGE.java"),
              TestSources.source("catalog/SearchQuery.java"),
              TestSources.source("catalog/CatalogApi.java"),
              TestSources.source("catalog/CatalogClient.java"),
              TestSources.source("catalog/CatalogResource.java"));

  @Test
  void stubMatchesTheGoldenFile() {
    assertThat(CATALOG).succeededWithoutWarnings();
    assertThat(CATALOG)
        .generatedSourceFile("catalog.CatalogClient_OAuthStub")
        .hasSourceEquivalentTo(TestSources.golden("CatalogClient_OAuthStub"));
  }

  @Test
  void stubIsNotMistakenForAResourceClass() {
    org.junit.jupiter.api.Assertions.assertFalse(
        FilterRules.exists(CATALOG, "catalog.CatalogClient_OAuthStub"));
    org.junit.jupiter.api.Assertions.assertTrue(
        FilterRules.exists(CATALOG, "catalog.CatalogResource"));
  }
}
