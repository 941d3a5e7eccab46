package dev.portcullis.processor.resource;

import com.palantir.javapoet.ClassName;
import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.DiagnosticReporter;
import dev.portcullis.processor.base.JaxRsAnnotations;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ProcessingStep;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.ReadResult;
import dev.portcullis.processor.catalogue.CatalogueScope;
import dev.portcullis.processor.catalogue.ScopeCatalogues;
import dev.portcullis.processor.manifest.ScopeManifestStep;
import dev.portcullis.processor.requirement.DecisionResolver;
import dev.portcullis.processor.requirement.DeclaredRequirements;
import dev.portcullis.processor.requirement.ExplicitDecisionPolicy;
import dev.portcullis.processor.requirement.Requirement;
import dev.portcullis.processor.requirement.RequirementKind;
import dev.portcullis.processor.resource.ResourceClass.BoundMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The resource step: reads every concrete class of the round into a {@link ResourceClass},
 * with the requirements it inherits from supertypes in other jars, and writes the filter of each
 * one read cleanly; it reports resource methods without a decision where decisions are
 * required, and hands the class to the scope manifest. It looks at every class, not only
 * annotated ones, because a resource class may inherit all its annotations. A class that refers
 * to types not generated yet is deferred.
 */
public final class ResourceStep implements ProcessingStep {
  private final ResourceClassReader reader;
  private final FilterGenerator generator;
  private final JaxRsAnnotations jaxRs;
  private final ScopeCatalogues catalogues;
  private final ExplicitDecisionPolicy explicitDecisions;
  private final ScopeManifestStep manifest;
  private final Predicate<TypeElement> generatedElsewhere;
  private final DiagnosticReporter reporter;
  private final Filer filer;
  private final Set<String> boundClasses = new HashSet<>();

  /**
   * @param generatedElsewhere whether a class is one another step of this processor generated,
   *     such as a client stub: no resource class, though it implements an API interface
   */
  public ResourceStep(
      ProcessorContext context,
      DeclaredRequirements declaredRequirements,
      ScopeCatalogues catalogues,
      ExplicitDecisionPolicy explicitDecisions,
      ScopeManifestStep manifest,
      Predicate<TypeElement> generatedElsewhere) {
    this.reader =
        new ResourceClassReader(
            context.elements(),
            context.types(),
            context.hierarchy(),
            context.jaxRs(),
            new DecisionResolver(declaredRequirements, context.hierarchy(), context.names()),
            context.names());
    this.generator = new FilterGenerator(context.marker());
    this.jaxRs = context.jaxRs();
    this.catalogues = catalogues;
    this.explicitDecisions = explicitDecisions;
    this.manifest = manifest;
    this.generatedElsewhere = generatedElsewhere;
    this.reporter = context.reporter();
    this.filer = context.filer();
  }

  @Override
  public Set<String> annotations() {
    return Set.of(EVERY_TYPE);
  }

  /**
   * Binds the concrete classes. After the last round a deferred class is not read again: javac
   * reports the missing types itself, and the step asks to report what that means for protection
   * only where the class visibly takes part in JAX-RS or Portcullis.
   */
  @Override
  public Set<TypeElement> process(
      Map<String, Set<Element>> elementsByAnnotation, boolean lastRound) throws IOException {
    Set<TypeElement> deferred = new LinkedHashSet<>();
    for (TypeElement candidate :
        ElementFilter.typesIn(elementsByAnnotation.get(EVERY_TYPE))) {
      if (lastRound) {
        if (carriesSupportedAnnotation(candidate)) {
          deferred.add(candidate);
        }
      } else if (isConcreteClass(candidate) && !bind(candidate)) {
        deferred.add(candidate);
      }
    }
    return deferred;
  }

  @Override
  public Message unresolved() {
    return Message.UNRESOLVED_TYPES;
  }

  /** Reads {@code candidate} and writes its filter; false when it has to wait for a type. */
  private boolean bind(TypeElement candidate) throws IOException {
    String name = candidate.getQualifiedName().toString();
    if (generatedElsewhere.test(candidate) || boundClasses.contains(name)) {
      return true; // Generated stubs and filters are no resource classes.
    }
    boolean mayBeResource = jaxRs.mayBeResourceClass(candidate);
    if (mayBeResource) {
      List<TypeElement> apiTypes = jaxRs.apiTypesAbove(candidate);
      catalogues.addFromPackagesOf(apiTypes);
      warnIfPathOnlyInherited(candidate, apiTypes);
    }
    ReadResult<ResourceClass> result = reader.read(candidate);
    reporter.print(result.report());
    switch (result.status()) {
      case READY -> {
        ResourceClass model =
            result
                .model()
                .orElseThrow()
                .withImplyingScopes(
                    catalogues::implyingScopes, scopes -> cataloguesDeclaring(scopes, candidate));
        if (boundClasses.add(model.filterName().canonicalName())) {
          generator.generate(model).writeTo(filer);
          checkDecisionsAndRecord(candidate, model.methods());
        }
      }
      case NOTHING_TO_GENERATE -> {
        if (mayBeResource) {
          checkDecisionsAndRecord(candidate, List.of());
        }
      }
      case DEFERRED -> {
        return false;
      }
      case INVALID -> {
        // Nothing to write; the errors are reported.
      }
    }
    return true;
  }

  /** The catalogues declaring {@code scopes} that the filter of {@code resourceClass} can name. */
  private List<ClassName> cataloguesDeclaring(Set<String> scopes, TypeElement resourceClass) {
    Set<ClassName> names = new TreeSet<>(ResourceStep::byCanonicalName);
    for (String scope : scopes) {
      catalogues
          .find(scope)
          .map(CatalogueScope::catalogue)
          .filter(type -> reader.isReachable(type.asType(), resourceClass))
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
    Map<ExecutableElement, Requirement> decided = new HashMap<>();
    for (BoundMethod method : bound) {
      decided.putIfAbsent(method.element(), method.decision().requirement());
    }
    manifest.addResourceClass(resourceClass, resourceMethods, decided);
  }

  private static boolean isConcreteClass(TypeElement type) {
    boolean isClass = type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
    return isClass && !type.getModifiers().contains(Modifier.ABSTRACT);
  }

  private static boolean carriesSupportedAnnotation(TypeElement type) {
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
        .anyMatch(mirror -> supported.contains(Annotations.name(mirror)));
  }
}
