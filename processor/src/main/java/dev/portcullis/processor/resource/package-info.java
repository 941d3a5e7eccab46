/**
 * Resource classes: the {@link dev.portcullis.processor.resource.ResourceStep} reads each
 * concrete class into a {@code ResourceClass}, with the requirement of every resource method,
 * own or inherited, and only a clean read reaches the {@code FilterGenerator}, which writes
 * {@code <Resource>_PortcullisFilter}.
 */
package dev.portcullis.processor.resource;
