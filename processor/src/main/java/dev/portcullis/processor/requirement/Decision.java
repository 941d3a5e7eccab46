package dev.portcullis.processor.requirement;

import javax.lang.model.element.Element;

/**
 * The requirement that applies to one resource method, with the type or method whose
 * annotation it came from.
 *
 * @param requirement what a request must present
 * @param source the annotated type or method the requirement was taken from
 */
public record Decision(Requirement requirement, Element source) {}
