package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.DiagnosticReporter;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.TypeHierarchy;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Deny by default at compile time: decides which resource classes must give every resource
 * method an explicit decision, and reports the methods that have none. Required for the whole
 * compilation by {@code -Aportcullis.requireExplicit=true} or a {@code
 * @RequireExplicitDecisions} Application subclass; for a package and its subpackages by the
 * annotation in {@code package-info.java}.
 */
public final class ExplicitDecisionPolicy {
  public static final String OPTION = "portcullis.requireExplicit";

  private final Elements elements;
  private final Types types;
  private final TypeHierarchy hierarchy;
  private final DiagnosticReporter reporter;
  private final ElementNames names;
  /** Why the whole compilation requires decisions, if it does. */
  private String everywhere;
  /** Annotated packages, each with the reason a message names. */
  private final SortedMap<String, String> packages = new TreeMap<>();
  /** Packages looked up by name, whether they carry the annotation. */
  private final Map<String, Boolean> packagesFromClassFiles = new HashMap<>();

  public ExplicitDecisionPolicy(Map<String, String> options, ProcessorContext context) {
    this.elements = context.elements();
    this.types = context.types();
    this.hierarchy = context.hierarchy();
    this.reporter = context.reporter();
    this.names = context.names();
    if (options.containsKey(OPTION)) {
      // javac maps a bare -Aportcullis.requireExplicit to null: that turns it on too.
      String option = options.get(OPTION);
      String value = option == null ? "" : option.strip();
      if (value.isEmpty() || value.equalsIgnoreCase("true")) {
        everywhere = "-A" + OPTION + "=true";
      } else if (!value.equalsIgnoreCase("false")) {
        reporter.report(Message.OPTION_INVALID, null, OPTION, option, OPTION, OPTION);
      }
    }
  }

  /** Reads this round's {@code @RequireExplicitDecisions}, on the elements {@code annotated}. */
  void readAnnotations(Set<Element> annotated) {
    if (annotated.isEmpty()) {
      return;
    }
    TypeElement application = elements.getTypeElement(AnnotationNames.APPLICATION);
    for (Element element : annotated) {
      if (element instanceof PackageElement pkg) {
        String name = pkg.getQualifiedName().toString();
        packages.put(name, "@RequireExplicitDecisions on package " + name);
      } else if (element instanceof TypeElement type
          && application != null
          && types.isSubtype(types.erasure(type.asType()), types.erasure(application.asType()))) {
        if (everywhere == null) {
          everywhere = "@RequireExplicitDecisions on " + names.describe(type);
        }
      } else {
        reporter.reportOnAnnotation(
            Message.EXPLICIT_DECISIONS_MISPLACED,
            element,
            Annotations.find(element, AnnotationNames.REQUIRE_EXPLICIT_DECISIONS).orElse(null),
            names.describe(element));
      }
    }
  }

  /** Reports each of {@code undecided}, resource methods of {@code resourceClass}. */
  public void check(TypeElement resourceClass, List<ExecutableElement> undecided) {
    Optional<String> reason = reasonFor(resourceClass);
    if (reason.isEmpty()) {
      return;
    }
    for (ExecutableElement method : undecided) {
      // An inherited method may sit in a class file: report it on the class that serves it.
      Element at = method.getEnclosingElement().equals(resourceClass) ? method : resourceClass;
      String described =
          at == method
              ? names.describe(method)
              : names.describe(method) + " (served by " + names.describe(resourceClass) + ")";
      reporter.report(Message.EXPLICIT_DECISION_MISSING, at, described, reason.get());
    }
  }

  private Optional<String> reasonFor(TypeElement resourceClass) {
    if (everywhere != null) {
      return Optional.of(everywhere);
    }
    // The class's package and those of its supertypes: an API jar may declare the policy.
    Set<String> typePackages = new LinkedHashSet<>();
    typePackages.add(packageOf(resourceClass));
    for (TypeElement supertype : hierarchy.supertypes(resourceClass)) {
      typePackages.add(packageOf(supertype));
    }
    for (String pkg : typePackages) {
      for (String name = pkg; !name.isEmpty(); name = parent(name)) {
        String reason = packages.get(name);
        if (reason == null && annotatedInClassFile(name)) {
          reason = "@RequireExplicitDecisions on package " + name;
          packages.put(name, reason);
        }
        if (reason != null) {
          return Optional.of(reason);
        }
      }
    }
    return Optional.empty();
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  /** Whether the package {@code name}, read from sources or class files, carries the annotation. */
  private boolean annotatedInClassFile(String name) {
    Boolean known = packagesFromClassFiles.get(name);
    if (known == null) {
      PackageElement pkg = elements.getPackageElement(name);
      known = pkg != null && Annotations.find(pkg, AnnotationNames.REQUIRE_EXPLICIT_DECISIONS).isPresent();
      packagesFromClassFiles.put(name, known);
    }
    return known;
  }

  private static String parent(String pkg) {
    int dot = pkg.lastIndexOf('.');
    return dot < 0 ? "" : pkg.substring(0, dot);
  }
}
