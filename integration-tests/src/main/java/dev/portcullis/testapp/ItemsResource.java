package dev.portcullis.testapp;

/** Implements an annotated interface; carries no annotations itself. */
public class ItemsResource implements ItemsApi {
  @Override
  public String get(String id) {
    return "item " + id;
  }
}
