package dev.portcullis.processor.client;

import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.DiagnosticReporter;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ProcessingStep;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.ReadResult;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.manifest.ScopeManifestStep;
import dev.portcullis.processor.requirement.DecisionResolver;
import dev.portcullis.processor.requirement.DeclaredRequirements;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The client step: reads every {@code @OAuthClient} type of the round (and those deferred from
 * earlier rounds), validates it, writes its {@code <Interface>_OAuthStub} and hands it to the
 * scope manifest. A type that refers to types not generated yet is deferred; so is, until the
 * last round, one whose {@code @BeanParam} lacks getters another processor may still write.
 *
 * <p>The reader and the generator are made for the first client, so that a compilation without
 * clients, the usual case for a server, loads neither them nor JavaPoet.
 */
public final class ClientStubStep implements ProcessingStep {
  private final ProcessorContext context;
  private final DeclaredRequirements declaredRequirements;
  private final Function<String, ? extends Collection<String>> satisfying;
  private final ScopeManifestStep manifest;
  private final DiagnosticReporter reporter;
  private final Set<String> generatedStubs = new HashSet<>();
  private ClientInterfaceReader reader;
  private StubGenerator generator;

  /**
   * @param satisfying the scopes satisfying a required scope: itself and, with a scope
   *     hierarchy, the catalogue scopes implying it
   */
  public ClientStubStep(
      ProcessorContext context,
      DeclaredRequirements declaredRequirements,
      Function<String, ? extends Collection<String>> satisfying,
      ScopeManifestStep manifest) {
    this.context = context;
    this.declaredRequirements = declaredRequirements;
    this.satisfying = satisfying;
    this.manifest = manifest;
    this.reporter = context.reporter();
  }

  @Override
  public Set<String> annotations() {
    return Set.of(AnnotationNames.OAUTH_CLIENT);
  }

  /**
   * Reads the clients and writes their stubs. After the last round, when no processor writes
   * anything more, a getter written late is there (javac still compiles a stub written then),
   * and a missing one is an error.
   */
  @Override
  public Set<TypeElement> process(
      Map<String, Set<Element>> elementsByAnnotation, boolean lastRound) throws IOException {
    Set<TypeElement> candidates =
        ElementFilter.typesIn(elementsByAnnotation.get(AnnotationNames.OAUTH_CLIENT));
    if (candidates.isEmpty()) {
      return Set.of();
    }
    if (reader == null) {
      reader = newReader();
      generator = new StubGenerator(context.marker());
    }
    Set<TypeElement> deferred = new LinkedHashSet<>();
    for (TypeElement candidate : candidates) {
      ReadResult<ClientInterface> result = reader.read(candidate, lastRound);
      reporter.print(result.report());
      switch (result.status()) {
        case READY -> write(result.model().orElseThrow());
        case DEFERRED -> deferred.add(candidate);
        case INVALID, NOTHING_TO_GENERATE -> {
          // Reported, or nothing to write.
        }
      }
    }
    return deferred;
  }

  private ClientInterfaceReader newReader() {
    ElementNames names = context.names();
    TypeHierarchy hierarchy = context.hierarchy();
    return new ClientInterfaceReader(
        hierarchy,
        new ClientMethodReader(
            context.types(),
            context.jaxRs(),
            new BeanParamReader(context.elements(), context.types(), names),
            names,
            hierarchy),
        new ScopeCoverageValidator(
            new DecisionResolver(declaredRequirements, hierarchy, names),
            hierarchy,
            names,
            satisfying),
        names);
  }

  private void write(ClientInterface model) throws IOException {
    if (generatedStubs.add(model.stubName().canonicalName())) {
      generator.generate(model).writeTo(context.filer());
      manifest.addClient(
          model.element(),
          model.clientName(),
          model.interfaceName().canonicalName(),
          model.scopes());
    }
  }

  @Override
  public Message unresolved() {
    return Message.CLIENT_UNRESOLVED_TYPES;
  }

  /** Whether {@code type} is a stub this step generated: not a resource class. */
  public boolean isGeneratedStub(TypeElement type) {
    return generatedStubs.contains(type.getQualifiedName().toString());
  }
}
