package dev.portcullis.processor;

import com.google.auto.service.AutoService;
import dev.portcullis.processor.DeclaredRequirements.Consultation;
import dev.portcullis.processor.PortcullisAnnotationReader.DeclaredAnnotations;
import dev.portcullis.processor.ResourceClassReader.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks Portcullis annotations at compile time and generates, for every concrete JAX-RS
 * resource class with requirements, a {@code <Resource>_ScopeBinding} listed in {@code
 * META-INF/services/dev.portcullis.spi.ScopeBinding}.
 *
 * <p>Each round reads, validates, then generates: annotations written in the round's
 * sources are checked where they sit; each resource class is read into a {@link
 * ResourceClass} model, including the requirements it inherits from supertypes in other
 * jars; only a clean model is written. Classes that refer to types not generated yet are
 * retried in the next round. It also runs for resource classes without Portcullis
 * annotations of their own, because they may inherit them.
 */
@AutoService(Processor.class)
public final class PortcullisProcessor extends AbstractProcessor {
  private DiagnosticReporter reporter;
  private Elements elements;
  private DeclaredRequirements declaredRequirements;
  private PlacementValidator placementValidator;
  private ResourceClassReader resourceClassReader;
  private BindingGenerator bindingGenerator;
  private ServiceFileWriter serviceFileWriter;
  private ClientStubStep clientStubStep;

  private final Set<String> deferredClasses = new LinkedHashSet<>();
  private final SortedSet<String> generatedBindings = new TreeSet<>();

  /** Creates the processor; javac finds it through {@link java.util.ServiceLoader}. */
  public PortcullisProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    Types types = processingEnv.getTypeUtils();
    reporter = new DiagnosticReporter(processingEnv.getMessager());
    ElementNames names = new ElementNames(types);
    MethodHierarchy hierarchy = new MethodHierarchy(elements, types);
    JaxRsAnnotations jaxRs = new JaxRsAnnotations(elements, hierarchy);
    PortcullisAnnotationReader reader = new PortcullisAnnotationReader(elements);
    declaredRequirements =
        new DeclaredRequirements(reader, new AnnotationContentValidator(reporter, names));
    placementValidator = new PlacementValidator(jaxRs, hierarchy, reader, reporter, names);
    resourceClassReader =
        new ResourceClassReader(
            elements,
            types,
            hierarchy,
            jaxRs,
            new DecisionResolver(declaredRequirements, hierarchy, reporter, names),
            new ReferenceabilityValidator(elements, reporter, names),
            reporter);
    bindingGenerator =
        new BindingGenerator(elements.getTypeElement(AnnotationNames.GENERATED) != null);
    serviceFileWriter = new ServiceFileWriter(processingEnv.getFiler(), elements);
    DecisionResolver clientDecisions =
        new DecisionResolver(declaredRequirements, hierarchy, reporter, names);
    clientStubStep =
        new ClientStubStep(
            elements,
            new ClientInterfaceReader(
                types,
                hierarchy,
                new ClientMethodReader(
                    types,
                    jaxRs,
                    new BeanParamReader(elements, types, reporter, names),
                    reporter,
                    names),
                new ScopeCoverageValidator(clientDecisions, hierarchy, reporter, names),
                reporter,
                names),
            new StubGenerator(elements.getTypeElement(AnnotationNames.GENERATED) != null),
            reporter,
            processingEnv.getFiler());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new TreeSet<>(AnnotationNames.STANDARD_HTTP_METHODS);
    types.add(AnnotationNames.PATH);
    types.add(AnnotationNames.OAUTH_CLIENT);
    for (RequirementKind kind : RequirementKind.values()) {
      types.add(kind.annotationName());
    }
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    try {
      if (roundEnv.processingOver()) {
        finish();
      } else {
        validateAnnotatedElements(roundEnv);
        clientStubStep.process(roundEnv);
        bindResourceClasses(roundEnv);
      }
    } catch (Throwable t) { // A crash must reach the user as a diagnostic, not abort javac.
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      reporter.report(Message.PROCESSOR_FAILED, null, t, trace);
    }
    // Never claim: other processors may want the JAX-RS annotations too.
    return false;
  }

  private void validateAnnotatedElements(RoundEnvironment roundEnv) {
    Set<Element> annotated = new LinkedHashSet<>();
    for (RequirementKind kind : RequirementKind.values()) {
      TypeElement annotation = elements.getTypeElement(kind.annotationName());
      if (annotation != null) {
        annotated.addAll(roundEnv.getElementsAnnotatedWith(annotation));
      }
    }
    for (Element element : annotated) {
      DeclaredAnnotations declared = declaredRequirements.read(element, new Consultation());
      if (!declared.malformed()) {
        placementValidator.validate(declared);
      }
    }
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
      if (clientStubStep.isGeneratedStub(candidate.getQualifiedName().toString())) {
        continue; // A client implements the API interface; it is not a resource class.
      }
      Result result = resourceClassReader.read(candidate);
      switch (result.status()) {
        case READY -> {
          ResourceClass model = result.model().orElseThrow();
          String binding = model.bindingName().canonicalName();
          if (generatedBindings.add(binding)) {
            bindingGenerator.generate(model).writeTo(processingEnv.getFiler());
          }
        }
        case DEFERRED -> deferredClasses.add(candidate.getQualifiedName().toString());
        case NOTHING_TO_BIND, INVALID -> {
          // Nothing to write; errors, if any, are reported.
        }
      }
    }
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
    Set<String> supported = getSupportedAnnotationTypes();
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
    serviceFileWriter.write(generatedBindings);
  }
}
