package dev.portcullis.docs.catalogue;

/** An order of the examples. */
public record Order(String id, String item) {}
