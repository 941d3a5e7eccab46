package dev.portcullis.processor.catalogue;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.DiagnosticReporter;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.requirement.PortcullisAnnotation.ScopeValue;
import dev.portcullis.processor.requirement.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The union of the scope catalogues taking part in the compilation, and the scope hierarchy
 * their {@code implies} define. A catalogue takes part when it is compiled now, when a
 * checked annotation uses one of its constants (found through the compiler's tree API, where
 * available), or when it sits in the package of an API interface a resource class or client
 * inherits from, so that an API jar can carry its catalogue.
 */
public final class ScopeCatalogues {
  private final Elements elements;
  private final ScopeCatalogueReader reader;
  private final DiagnosticReporter reporter;
  private final Trees trees;
  private final Set<String> readCatalogues = new HashSet<>();
  private final Set<String> searchedPackages = new HashSet<>();
  private final Set<String> scannedClasses = new HashSet<>();
  private final SortedMap<String, CatalogueScope> byScope = new TreeMap<>();
  private final List<CatalogueScope> unvalidated = new ArrayList<>();
  private final Set<Set<List<String>>> reportedCycles = new HashSet<>();
  private boolean takingPart;

  /**
   * @param trees the compiler's tree API, or {@code null} when the compiler has none
   */
  public ScopeCatalogues(ProcessorContext context, Trees trees) {
    this.elements = context.elements();
    this.reader = new ScopeCatalogueReader();
    this.reporter = context.reporter();
    this.trees = trees;
  }

  /** Reads {@code catalogue} unless it was read before. */
  void add(TypeElement catalogue, boolean fromSources) {
    if (!readCatalogues.add(catalogue.getQualifiedName().toString())) {
      return;
    }
    ScopeCatalogueReader.Result read = reader.read(catalogue, fromSources);
    reporter.print(read.report());
    Optional<List<CatalogueScope>> scopes = read.scopes();
    if (scopes.isEmpty()) {
      return; // Not a catalogue (reported): checking scopes against it would only add noise.
    }
    takingPart = true;
    for (CatalogueScope scope : scopes.get()) {
      CatalogueScope first = byScope.putIfAbsent(scope.scope(), scope);
      if (first == null) {
        unvalidated.add(scope);
      } else {
        reporter.report(
            Message.CATALOGUE_SCOPE_DUPLICATE,
            scope.constant(),
            scope.scope(),
            scope.constantName(),
            first.constantName());
      }
    }
  }

  /**
   * Adds the catalogues whose constants the annotations of {@code element}'s top-level class
   * use. Each class's source is read once, annotation arguments only, so that the cost stays
   * one pass over the class however many annotations it has.
   */
  void addReferencedFrom(Element element) {
    if (trees == null) {
      return;
    }
    Element top = element;
    while (top.getEnclosingElement() instanceof TypeElement enclosing) {
      top = enclosing;
    }
    if (!(top instanceof TypeElement type)
        || !scannedClasses.add(type.getQualifiedName().toString())) {
      return;
    }
    TreePath path = trees.getPath(type);
    if (path != null) { // null for a class from a class file
      new ConstantsInAnnotations().scan(path, null);
    }
  }

  /** Visits the arguments of every annotation of a class and adds the catalogues they use. */
  private final class ConstantsInAnnotations extends TreePathScanner<Void, Void> {
    private int annotationDepth;

    @Override
    public Void visitAnnotation(AnnotationTree node, Void unused) {
      annotationDepth++;
      try {
        return scan(node.getArguments(), null);
      } finally {
        annotationDepth--;
      }
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      if (annotationDepth > 0) {
        addIfCatalogueConstant(trees.getElement(getCurrentPath()));
      }
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      if (annotationDepth > 0) {
        addIfCatalogueConstant(trees.getElement(getCurrentPath()));
        return null;
      }
      return super.visitMemberSelect(node, unused);
    }

    @Override
    public Void visitBlock(BlockTree node, Void unused) {
      return null; // Annotations in method bodies require nothing of a request.
    }
  }

  private void addIfCatalogueConstant(Element referenced) {
    if (referenced instanceof VariableElement constant
        && constant.getEnclosingElement() instanceof TypeElement type
        && isCatalogue(type)) {
      add(type, false);
    }
  }

  /** Adds the catalogues in the packages of {@code types}, once per package. */
  public void addFromPackagesOf(List<TypeElement> types) {
    for (TypeElement type : types) {
      PackageElement pkg = elements.getPackageOf(type);
      if (searchedPackages.add(pkg.getQualifiedName().toString())) {
        for (TypeElement member : ElementFilter.typesIn(pkg.getEnclosedElements())) {
          if (isCatalogue(member)) {
            add(member, false);
          }
        }
      }
    }
  }

  static boolean isCatalogue(TypeElement type) {
    return Annotations.find(type, AnnotationNames.SCOPE_CATALOGUE).isPresent();
  }

  /** Whether no catalogue takes part, so that scopes are not checked against catalogues. */
  boolean isEmpty() {
    return !takingPart;
  }

  public Optional<CatalogueScope> find(String scope) {
    return Optional.ofNullable(byScope.get(scope));
  }

  /** Every catalogue scope, sorted. */
  public List<CatalogueScope> all() {
    return List.copyOf(byScope.values());
  }

  /**
   * {@code scope} and every catalogue scope that implies it, directly or through others,
   * sorted: the scopes a token may present to satisfy a requirement of {@code scope}.
   */
  public SortedSet<String> satisfying(String scope) {
    SortedSet<String> satisfying = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(scope));
    while (!pending.isEmpty()) {
      String current = pending.pop();
      if (satisfying.add(current)) {
        for (CatalogueScope candidate : byScope.values()) {
          if (candidate.impliedScopes().contains(current)) {
            pending.push(candidate.scope());
          }
        }
      }
    }
    return satisfying;
  }

  /**
   * For each scope {@code requirement} names that other catalogue scopes imply, those scopes:
   * what a generated filter accepts in its place.
   */
  public SortedMap<String, List<String>> implyingScopes(Requirement requirement) {
    SortedMap<String, List<String>> implying = new TreeMap<>();
    for (String scope : requirement.scopes()) {
      SortedSet<String> others = satisfying(scope);
      others.remove(scope);
      if (!others.isEmpty()) {
        implying.put(scope, List.copyOf(others));
      }
    }
    return implying;
  }

  /**
   * Reports, at the {@code implies} value, implications of unknown scopes and cycles among
   * the scopes added since the last call.
   */
  void validateNewImplications() {
    List<CatalogueScope> added = List.copyOf(unvalidated);
    unvalidated.clear();
    for (CatalogueScope scope : added) {
      for (ScopeValue implied : scope.implies()) {
        if (!byScope.containsKey(implied.scope())) {
          String suggestion =
              ClosestScope.to(implied.scope(), byScope.keySet())
                  .map(s -> " Did you mean " + Message.quoted(s) + "?")
                  .orElse("");
          reportOnImplies(
              Message.CATALOGUE_IMPLIES_UNKNOWN, scope, implied, implied.scope(), suggestion);
          continue;
        }
        List<String> back = pathOfImplications(implied.scope(), scope.scope());
        if (!back.isEmpty()) {
          List<String> cycle = new ArrayList<>();
          cycle.add(scope.scope());
          cycle.addAll(back);
          // Each member of a cycle finds it again; the first one in order reports it.
          if (reportedCycles.add(implications(cycle))) {
            reportOnImplies(
                Message.CATALOGUE_IMPLIES_CYCLE, scope, implied, String.join(" implies ", cycle));
          }
        }
      }
    }
  }

  /**
   * The implications a cycle such as {@code [a, b, a]} consists of: the same whichever member
   * it starts at.
   */
  private static Set<List<String>> implications(List<String> cycle) {
    Set<List<String>> implications = new HashSet<>();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      implications.add(List.of(cycle.get(i), cycle.get(i + 1)));
    }
    return implications;
  }

  private void reportOnImplies(
      Message message, CatalogueScope scope, ScopeValue implied, Object... details) {
    Object[] args = new Object[details.length + 2];
    args[0] = scope.scope();
    args[1] = scope.constantName();
    System.arraycopy(details, 0, args, 2, details.length);
    reporter.reportOnValue(
        message, scope.constant(), scope.descriptionMirror(), implied.value(), args);
  }

  /** The implication path from {@code from} to {@code to}, both included; empty if none. */
  private List<String> pathOfImplications(String from, String to) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> pending = new ArrayDeque<>(List.of(from));
    parent.put(from, null);
    while (!pending.isEmpty()) {
      String current = pending.removeFirst();
      if (current.equals(to)) {
        List<String> path = new ArrayList<>();
        for (String at = current; at != null; at = parent.get(at)) {
          path.add(at);
        }
        Collections.reverse(path);
        return path;
      }
      CatalogueScope entry = byScope.get(current);
      for (String next : entry == null ? List.<String>of() : entry.impliedScopes()) {
        if (!parent.containsKey(next)) {
          parent.put(next, current);
          pending.addLast(next);
        }
      }
    }
    return List.of();
  }
}
