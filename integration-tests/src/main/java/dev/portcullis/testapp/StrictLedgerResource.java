package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;

/**
 * Served on its superclass's path, which Jakarta REST leaves to the implementation (both Jersey
 * and RESTEasy do it), with a stricter rule than the superclass's for the same method.
 */
public class StrictLedgerResource extends LedgerResource {
  @Override
  @RequiresScope("orders:admin")
  public String entries() {
    return "strict ledger";
  }
}
