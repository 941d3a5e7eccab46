package dev.portcullis.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.portcullis.processor.DeclaredRequirements.Consultation;
import dev.portcullis.processor.PortcullisAnnotationReader.DeclaredAnnotations;
import dev.portcullis.processor.ResourceClass.BoundMethod;
import dev.portcullis.processor.ResourceClassReader.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks Portcullis annotations at compile time and writes, for every concrete JAX-RS
 * resource class with requirements, its token-validation filter {@code
 * <Resource>_PortcullisFilter} (see {@link FilterGenerator}).
 *
 * <p>Each round reads, validates, then generates: annotations written in the round's
 * sources are checked where they sit; each resource class is read into a {@link
 * ResourceClass} model, including the requirements it inherits from supertypes in other
 * jars; only a clean model is written. Classes that refer to types not generated yet are
 * retried in the next round. It also runs for resource classes without Portcullis
 * annotations of their own, because they may inherit them.
 *
 * <p>Around that, each round reads the {@code @ScopeCatalogue}s and {@code
 * @RequireExplicitDecisions} of its sources first, widens filters and client coverage by the
 * catalogues' scope hierarchy, reports resource methods without a decision where decisions are
 * required, and ends by checking the round's scopes against the catalogues. After the last
 * round it writes the scope manifest, one fragment {@code
 * META-INF/portcullis/scopes/<binary name>.json} per resource class, client and catalogue.
 */
@AutoService(Processor.class)
public final class PortcullisProcessor extends AbstractProcessor {
  /** The annotations whose elements each round reads. */
  private static final List<String> ROUND_ANNOTATIONS =
      List.of(
          AnnotationNames.PUBLIC,
          AnnotationNames.REQUIRES_TOKEN,
          AnnotationNames.REQUIRES_SCOPE,
          AnnotationNames.OAUTH_CLIENT,
          AnnotationNames.SCOPE_CATALOGUE,
          AnnotationNames.REQUIRE_EXPLICIT_DECISIONS);

  private DiagnosticReporter reporter;
  private Elements elements;
  private DeclaredRequirements declaredRequirements;
  private PlacementValidator placementValidator;
  private ResourceClassReader resourceClassReader;
  private FilterGenerator filterGenerator;
  private ClientStubStep clientStubStep;
  private MethodHierarchy hierarchy;
  private JaxRsAnnotations jaxRs;
  private ScopeCatalogues catalogues;
  private ScopeCatalogueStep catalogueStep;
  private ExplicitDecisionPolicy explicitDecisions;
  private ScopeManifestStep manifestStep;

  private final Set<String> deferredClasses = new LinkedHashSet<>();
  private final Set<String> boundClasses = new HashSet<>();

  /** Creates the processor; javac finds it through {@link java.util.ServiceLoader}. */
  public PortcullisProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    Types types = processingEnv.getTypeUtils();
    reporter = new DiagnosticReporter(processingEnv.getMessager());
    ElementNames names = new ElementNames(types);
    hierarchy = new MethodHierarchy(elements, types);
    jaxRs = new JaxRsAnnotations(elements, hierarchy);
    PortcullisAnnotationReader reader = new PortcullisAnnotationReader(elements);
    declaredRequirements =
        new DeclaredRequirements(reader, new AnnotationContentValidator(names));
    placementValidator = new PlacementValidator(jaxRs, hierarchy, reader, reporter, names);
    resourceClassReader =
        new ResourceClassReader(
            elements,
            types,
            hierarchy,
            jaxRs,
            new DecisionResolver(declaredRequirements, hierarchy, names),
            names);
    filterGenerator =
        new FilterGenerator(new GeneratedMarker(elements.getTypeElement(AnnotationNames.GENERATED) != null));
    catalogues =
        new ScopeCatalogues(
            elements,
            new ScopeCatalogueReader(),
            reporter,
            CompilerTrees.of(processingEnv));
    clientStubStep =
        new ClientStubStep(
            elements,
            () -> newClientInterfaceReader(types, names),
            () ->
                new StubGenerator(
                    new GeneratedMarker(elements.getTypeElement(AnnotationNames.GENERATED) != null)),
            reporter,
            processingEnv.getFiler());
    catalogueStep = new ScopeCatalogueStep(catalogues, elements, reporter, names);
    explicitDecisions =
        new ExplicitDecisionPolicy(
            processingEnv.getOptions(), elements, types, hierarchy, reporter, names);
    manifestStep =
        new ScopeManifestStep(
            elements,
            new EndpointReader(names, hierarchy, jaxRs),
            catalogues,
            new ScopeManifestWriter(processingEnv.getFiler()));
  }

  private ClientInterfaceReader newClientInterfaceReader(Types types, ElementNames names) {
    DecisionResolver clientDecisions = new DecisionResolver(declaredRequirements, hierarchy, names);
    return new ClientInterfaceReader(
        hierarchy,
        new ClientMethodReader(types, jaxRs, new BeanParamReader(elements, types, names), names),
        new ScopeCoverageValidator(clientDecisions, hierarchy, names, catalogues::satisfying),
        names);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ExplicitDecisionPolicy.OPTION);
  }

  /**
   * Every annotation type, and none: a module whose resource classes only implement annotated
   * interfaces from another jar carries no annotation this processor could name ({@code
   * @Override} at most), and javac calls a processor only for the annotation types it supports.
   * The processor never claims any.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    try {
      // What javac answered in the previous round may change: it completes classes again.
      hierarchy.startRound();
      jaxRs.startRound();
      declaredRequirements.startRound();
      if (roundEnv.processingOver()) {
        finish();
      } else {
        RoundAnnotations annotated = new RoundAnnotations(roundEnv, elements, ROUND_ANNOTATIONS);
        catalogueStep.readCatalogues(annotated.annotatedWith(AnnotationNames.SCOPE_CATALOGUE));
        explicitDecisions.readAnnotations(
            annotated.annotatedWith(AnnotationNames.REQUIRE_EXPLICIT_DECISIONS));
        validateAnnotatedElements(annotated);
        Set<Element> clients = annotated.annotatedWith(AnnotationNames.OAUTH_CLIENT);
        recordClients(clients);
        clientStubStep.process(clients);
        bindResourceClasses(roundEnv);
        catalogueStep.endOfRound();
      }
    } catch (Throwable t) { // A crash must reach the user as a diagnostic, not abort javac.
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      reporter.report(Message.PROCESSOR_FAILED, null, t, trace);
    }
    // Never claim: other processors may want the JAX-RS annotations too.
    return false;
  }

  private void validateAnnotatedElements(RoundAnnotations roundAnnotations) {
    Set<Element> annotated = new LinkedHashSet<>();
    for (RequirementKind kind : RequirementKind.values()) {
      annotated.addAll(roundAnnotations.annotatedWith(kind.annotationName()));
    }
    for (Element element : annotated) {
      ValidationReport.Builder report = ValidationReport.builder();
      DeclaredAnnotations declared = declaredRequirements.read(element, new Consultation(report));
      reporter.print(report.build());
      if (!declared.malformed()) {
        placementValidator.validate(declared);
        declared.find(RequirementKind.SCOPES).ifPresent(catalogueStep::recordRequirement);
      }
    }
  }

  private void recordClients(Set<Element> clients) {
    for (TypeElement client : ElementFilter.typesIn(clients)) {
      catalogues.addFromPackagesOf(apiTypesAbove(client));
    }
    catalogueStep.recordClients(clients);
  }

  /** The supertypes with {@code @Path}: API interfaces, whose packages may hold catalogues. */
  private List<TypeElement> apiTypesAbove(TypeElement type) {
    List<TypeElement> apiTypes = new ArrayList<>();
    for (TypeElement supertype : hierarchy.supertypes(type)) {
      if (Annotations.find(supertype, AnnotationNames.PATH).isPresent()) {
        apiTypes.add(supertype);
      }
    }
    return apiTypes;
  }

  private void bindResourceClasses(RoundEnvironment roundEnv) throws IOException {
    List<TypeElement> candidates = new ArrayList<>();
    for (String name : deferredClasses) {
      TypeElement deferred = elements.getTypeElement(name);
      if (deferred != null) {
        candidates.add(deferred);
      }
    }
    deferredClasses.clear();
    for (TypeElement root : ElementFilter.typesIn(roundEnv.getRootElements())) {
      collectConcreteClasses(root, candidates);
    }
    for (TypeElement candidate : candidates) {
      String name = candidate.getQualifiedName().toString();
      if (clientStubStep.isGeneratedStub(name) || boundClasses.contains(name)) {
        continue; // Generated stubs and filters are no resource classes.
      }
      boolean mayBeResource = jaxRs.mayBeResourceClass(candidate);
      if (mayBeResource) {
        List<TypeElement> apiTypes = apiTypesAbove(candidate);
        catalogues.addFromPackagesOf(apiTypes);
        warnIfPathOnlyInherited(candidate, apiTypes);
      }
      Result result = resourceClassReader.read(candidate);
      reporter.print(result.report());
      switch (result.status()) {
        case READY -> {
          ResourceClass model =
              result
                  .model()
                  .orElseThrow()
                  .withImplyingScopes(
                      catalogues::implyingScopes,
                      scopes -> cataloguesDeclaring(scopes, candidate));
          if (boundClasses.add(model.filterName().canonicalName())) {
            filterGenerator.generate(model).writeTo(processingEnv.getFiler());
            checkDecisionsAndRecord(candidate, model.methods());
          }
        }
        case NOTHING_TO_BIND -> {
          if (mayBeResource) {
            checkDecisionsAndRecord(candidate, List.of());
          }
        }
        case DEFERRED -> deferredClasses.add(candidate.getQualifiedName().toString());
        case INVALID -> {
          // Nothing to write; the errors are reported.
        }
      }
    }
  }

  /** The catalogues declaring {@code scopes} that the filter of {@code resourceClass} can name. */
  private List<ClassName> cataloguesDeclaring(Set<String> scopes, TypeElement resourceClass) {
    Set<ClassName> names = new TreeSet<>(PortcullisProcessor::byCanonicalName);
    for (String scope : scopes) {
      catalogues
          .find(scope)
          .map(CatalogueScope::catalogue)
          .filter(type -> resourceClassReader.isReachable(type.asType(), resourceClass))
          .ifPresent(type -> names.add(ClassName.get(type)));
    }
    return List.copyOf(names);
  }

  private static int byCanonicalName(ClassName a, ClassName b) {
    return a.canonicalName().compareTo(b.canonicalName());
  }

  /**
   * The JAX-RS specification does not inherit a class-level {@code @Path}: a class that relies
   * on its interface's is served by some implementations and answers 404 on others, while the
   * manifest lists its endpoints.
   */
  private void warnIfPathOnlyInherited(TypeElement candidate, List<TypeElement> apiTypes) {
    if (apiTypes.isEmpty() || Annotations.find(candidate, AnnotationNames.PATH).isPresent()) {
      return;
    }
    TypeElement api = apiTypes.get(0);
    String path = Annotations.stringValue(api, AnnotationNames.PATH).orElse("");
    reporter.report(
        Message.RESOURCE_PATH_ONLY_ON_INTERFACE,
        candidate,
        candidate.getSimpleName(),
        api.getQualifiedName(),
        path,
        path,
        candidate.getSimpleName());
  }

  private void checkDecisionsAndRecord(TypeElement resourceClass, List<BoundMethod> bound) {
    List<ExecutableElement> resourceMethods = jaxRs.resourceMethods(resourceClass);
    List<ExecutableElement> undecided = new ArrayList<>(resourceMethods);
    for (BoundMethod method : bound) {
      undecided.remove(method.element());
    }
    explicitDecisions.check(resourceClass, undecided);
    manifestStep.addResourceClass(resourceClass, resourceMethods, bound);
  }

  private static void collectConcreteClasses(TypeElement type, List<TypeElement> into) {
    boolean isClass = type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
    if (isClass && !type.getModifiers().contains(Modifier.ABSTRACT)) {
      into.add(type);
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      collectConcreteClasses(nested, into);
    }
  }

  private boolean carriesSupportedAnnotation(TypeElement type) {
    Set<String> supported = new TreeSet<>(AnnotationNames.STANDARD_HTTP_METHODS);
    supported.add(AnnotationNames.PATH);
    supported.add(AnnotationNames.OAUTH_CLIENT);
    for (RequirementKind kind : RequirementKind.values()) {
      supported.add(kind.annotationName());
    }
    List<Element> annotated = new ArrayList<>(ElementFilter.methodsIn(type.getEnclosedElements()));
    annotated.add(type);
    return annotated.stream()
        .flatMap(element -> element.getAnnotationMirrors().stream())
        .map(mirror -> ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName())
        .anyMatch(name -> supported.contains(name.toString()));
  }

  private void finish() throws IOException {
    clientStubStep.finish();
    for (String name : deferredClasses) {
      TypeElement deferred = elements.getTypeElement(name);
      // javac reports the missing types itself; say what that means for protection only
      // where the class visibly takes part in JAX-RS or Portcullis.
      if (deferred != null && carriesSupportedAnnotation(deferred)) {
        reporter.report(Message.UNRESOLVED_TYPES, deferred, name);
      }
    }
    catalogueStep.finish();
    manifestStep.finish(clientStubStep.clients());
  }
}
