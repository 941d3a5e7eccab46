package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.JaxRsAnnotations.MethodRole;
import dev.portcullis.processor.base.JaxRsAnnotations;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.Reporter;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.requirement.PortcullisAnnotationReader.DeclaredAnnotations;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Checks that each Portcullis annotation written in the sources sits where it has an
 * effect: on a resource class or API interface, or on a resource method. An annotation that
 * silently does nothing would leave an endpoint unprotected that the author meant to protect.
 */
final class PlacementValidator {
  private final JaxRsAnnotations jaxRs;
  private final TypeHierarchy hierarchy;
  private final PortcullisAnnotationReader reader;
  private final ElementNames names;

  PlacementValidator(
      JaxRsAnnotations jaxRs,
      TypeHierarchy hierarchy,
      PortcullisAnnotationReader reader,
      ElementNames names) {
    this.jaxRs = jaxRs;
    this.hierarchy = hierarchy;
    this.reader = reader;
    this.names = names;
  }

  /** Adds to {@code report} what is wrong with where {@code declared}'s annotations sit. */
  void validate(DeclaredAnnotations declared, Reporter report) {
    if (declared.element() instanceof TypeElement type) {
      validateType(type, declared.annotations(), report);
    } else if (declared.element() instanceof ExecutableElement method
        && method.getEnclosingElement() instanceof TypeElement owner) {
      validateMethod(method, owner, declared.annotations(), report);
    }
  }

  private void validateType(
      TypeElement type, List<PortcullisAnnotation> annotations, Reporter report) {
    if (!jaxRs.isResourceType(type)) {
      for (PortcullisAnnotation annotation : annotations) {
        String name = annotation.kind().simpleName();
        reportOn(report, Message.TYPE_NOT_RESOURCE, annotation, name, names.describe(type));
      }
      return;
    }
    List<ExecutableElement> methods = jaxRs.resourceMethods(type);
    if (!methods.isEmpty() && allHaveMethodLevelRequirements(methods, type)) {
      PortcullisAnnotation annotation = annotations.get(0);
      reportOn(
          report,
          Message.CLASS_REQUIREMENT_NEVER_APPLIES,
          annotation,
          annotation.kind().simpleName(),
          names.describe(type));
    }
  }

  private boolean allHaveMethodLevelRequirements(
      List<ExecutableElement> methods, TypeElement type) {
    for (ExecutableElement method : methods) {
      if (!hasMethodLevelRequirement(method, type)) {
        return false;
      }
    }
    return true;
  }

  private boolean hasMethodLevelRequirement(ExecutableElement method, TypeElement type) {
    if (!reader.read(method).annotations().isEmpty()) {
      return true;
    }
    for (ExecutableElement overridden : hierarchy.overridden(method, type)) {
      if (!reader.read(overridden).annotations().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void validateMethod(
      ExecutableElement method,
      TypeElement owner,
      List<PortcullisAnnotation> annotations,
      Reporter report) {
    // The method is named only in a message: most annotations have nothing to report.
    for (PortcullisAnnotation annotation : annotations) {
      String name = annotation.kind().simpleName();
      if (method.getModifiers().contains(Modifier.PRIVATE)) {
        reportOn(report, Message.METHOD_PRIVATE, annotation, name, names.describe(method), name);
      } else if (method.getModifiers().contains(Modifier.STATIC)) {
        reportOn(report, Message.METHOD_STATIC, annotation, name, names.describe(method), name);
      } else {
        MethodRole role = jaxRs.role(method, owner);
        if (role == MethodRole.SUB_RESOURCE_LOCATOR) {
          reportOn(
              report, Message.METHOD_IS_SUB_RESOURCE_LOCATOR, annotation, name, names.describe(method));
        } else if (role == MethodRole.NONE) {
          reportOn(
              report, Message.METHOD_NOT_RESOURCE_METHOD, annotation, name, names.describe(method), name);
        } else if (!method.getModifiers().contains(Modifier.PUBLIC) && !isInterface(owner)) {
          reportOn(report, Message.METHOD_NOT_PUBLIC, annotation, name, names.describe(method));
        }
      }
    }
  }

  private static boolean isInterface(Element type) {
    return type.getKind().isInterface();
  }

  private static void reportOn(
      Reporter report, Message message, PortcullisAnnotation annotation, Object... args) {
    report.reportOnAnnotation(message, annotation.element(), annotation.mirror(), args);
  }
}
