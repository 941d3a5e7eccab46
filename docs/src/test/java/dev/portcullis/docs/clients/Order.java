package dev.portcullis.docs.clients;

/** An order of the examples. */
public record Order(String id, String item) {}
