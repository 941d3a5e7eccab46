package dev.portcullis.docs.readme;

/** An order, as the README's example shows it. */
public record Order(String id, String item) {}
