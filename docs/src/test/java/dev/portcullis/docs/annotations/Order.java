package dev.portcullis.docs.annotations;

/** An order of the examples. */
public record Order(String id, String item, int quantity) {}
