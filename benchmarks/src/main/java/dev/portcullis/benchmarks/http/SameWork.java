package dev.portcullis.benchmarks.http;

/** What both endpoints answer, so that the only difference between them is the token check. */
final class SameWork {
  private SameWork() {}

  static String answer() {
    return "{\"orders\":[{\"id\":1,\"total\":12.5},{\"id\":2,\"total\":99.0}]}";
  }
}
