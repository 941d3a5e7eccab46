package dev.portcullis.processor;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The client step of each round: reads every {@code @OAuthClient} type of the round (and those
 * deferred from earlier rounds), validates it and writes its {@code <Interface>_OAuthStub}.
 */
final class ClientStubStep {
  private final Elements elements;
  private final ClientInterfaceReader reader;
  private final StubGenerator generator;
  private final DiagnosticReporter reporter;
  private final Filer filer;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final SortedSet<String> generatedStubs = new TreeSet<>();

  ClientStubStep(
      Elements elements,
      ClientInterfaceReader reader,
      StubGenerator generator,
      DiagnosticReporter reporter,
      Filer filer) {
    this.elements = elements;
    this.reader = reader;
    this.generator = generator;
    this.reporter = reporter;
    this.filer = filer;
  }

  void process(RoundEnvironment roundEnv) throws IOException {
    Set<TypeElement> candidates = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        candidates.add(type);
      }
    }
    deferred.clear();
    TypeElement annotation = elements.getTypeElement(AnnotationNames.OAUTH_CLIENT);
    if (annotation != null) {
      for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement type) {
          candidates.add(type);
        }
      }
    }
    for (TypeElement candidate : candidates) {
      ClientInterfaceReader.Result result = reader.read(candidate);
      switch (result.status()) {
        case READY -> {
          ClientInterface model = result.model().orElseThrow();
          if (generatedStubs.add(model.stubName().canonicalName())) {
            generator.generate(model).writeTo(filer);
          }
        }
        case DEFERRED -> deferred.add(candidate.getQualifiedName().toString());
        case INVALID -> {
          // Reported.
        }
      }
    }
  }

  /** Whether {@code qualifiedName} is a stub this step generated: not a resource class. */
  boolean isGeneratedStub(String qualifiedName) {
    return generatedStubs.contains(qualifiedName);
  }

  void finish() {
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        reporter.report(Message.CLIENT_UNRESOLVED_TYPES, type, name);
      }
    }
  }
}
