package stubs;

/** An entity. */
public record Note(String id, String text) {}
