package dev.portcullis.processor;

import javax.lang.model.element.Element;

/**
 * The requirement that applies to one resource method, with the type or method whose
 * annotation it came from.
 *
 * @param requirement what a request must present
 * @param source the annotated type or method the requirement was taken from
 */
record Decision(Requirement requirement, Element source) {}
