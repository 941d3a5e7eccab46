package dev.portcullis.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The client step of each round: reads every {@code @OAuthClient} type of the round (and those
 * deferred from earlier rounds), validates it and writes its {@code <Interface>_OAuthStub}.
 *
 * <p>The reader and the generator are made for the first client, so that a compilation without
 * clients, the usual case for a server, loads neither them nor JavaPoet.
 */
final class ClientStubStep {
  private final Elements elements;
  private final Supplier<ClientInterfaceReader> readerFactory;
  private final Supplier<StubGenerator> generatorFactory;
  private final DiagnosticReporter reporter;
  private final Filer filer;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final SortedSet<String> generatedStubs = new TreeSet<>();
  private final List<ClientInterface> clients = new ArrayList<>();
  private ClientInterfaceReader reader;
  private StubGenerator generator;

  ClientStubStep(
      Elements elements,
      Supplier<ClientInterfaceReader> readerFactory,
      Supplier<StubGenerator> generatorFactory,
      DiagnosticReporter reporter,
      Filer filer) {
    this.elements = elements;
    this.readerFactory = readerFactory;
    this.generatorFactory = generatorFactory;
    this.reporter = reporter;
    this.filer = filer;
  }

  /**
   * Reads the clients deferred from earlier rounds and the elements {@code annotated} with
   * {@code @OAuthClient} in this round, and writes their stubs.
   */
  void process(Set<Element> annotated) throws IOException {
    Set<TypeElement> candidates = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        candidates.add(type);
      }
    }
    deferred.clear();
    for (Element element : annotated) {
      if (element instanceof TypeElement type) {
        candidates.add(type);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    if (reader == null) {
      reader = readerFactory.get();
      generator = generatorFactory.get();
    }
    for (TypeElement candidate : candidates) {
      readAndWrite(candidate, false);
    }
  }

  private void readAndWrite(TypeElement candidate, boolean lastRound) throws IOException {
    ClientInterfaceReader.Result result = reader.read(candidate, lastRound);
    reporter.print(result.report());
    String name = candidate.getQualifiedName().toString();
    switch (result.status()) {
      case READY -> {
        ClientInterface model = result.model().orElseThrow();
        if (generatedStubs.add(model.stubName().canonicalName())) {
          clients.add(model);
          generator.generate(model).writeTo(filer);
        }
      }
      case DEFERRED -> {
        if (lastRound) {
          reporter.report(Message.CLIENT_UNRESOLVED_TYPES, candidate, name);
        } else {
          deferred.add(name);
        }
      }
      case INVALID -> {
        // Reported.
      }
    }
  }

  /** The clients whose stubs were generated, in the order they were. */
  List<ClientInterface> clients() {
    return List.copyOf(clients);
  }

  /** Whether {@code qualifiedName} is a stub this step generated: not a resource class. */
  boolean isGeneratedStub(String qualifiedName) {
    return generatedStubs.contains(qualifiedName);
  }

  /**
   * Reads the clients still deferred once more in the last round, when no processor writes
   * anything more: a getter written late is there now (javac still compiles a stub written
   * here), and what is still missing is reported.
   */
  void finish() throws IOException {
    List<String> names = List.copyOf(deferred);
    deferred.clear();
    for (String name : names) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        readAndWrite(type, true);
      }
    }
  }
}
