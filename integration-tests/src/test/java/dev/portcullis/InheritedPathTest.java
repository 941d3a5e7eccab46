package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testapp.LedgerResource;
import dev.portcullis.testapp.StrictLedgerResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A class served on the {@code @Path} of its concrete superclass gets its own rules, also where
 * the implementation reports the superclass to Portcullis (RESTEasy): the superclass's weaker
 * rule never lets a request through to the subclass's stricter method.
 */
class InheritedPathTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  @Test
  void subclassOnItsSuperclassPathIsGuardedByItsOwnStricterRule() {
    try (TestApp app = TestApp.start(keys.config().build(), StrictLedgerResource.class)) {
      assertEquals(401, app.get("/ledger").status());
      Answer weaker = app.bearer("/ledger", keys.token("orders:read"));
      assertEquals(403, weaker.status());
      assertEquals("Bearer realm=\"orders-api\", error=\"insufficient_scope\", error_description=\"The token does not"
          + " grant the scope this endpoint requires.\", scope=\"orders:admin\"", weaker.challenge());
      Answer granted = app.bearer("/ledger", keys.token("orders:admin"));
      assertEquals(200, granted.status());
      assertEquals("strict ledger", granted.body());
    }
  }

  @Test
  void superclassServedItselfKeepsItsOwnRule() {
    try (TestApp app = TestApp.start(keys.config().build(), LedgerResource.class)) {
      Answer granted = app.bearer("/ledger", keys.token("orders:read"));
      assertEquals(200, granted.status());
      assertEquals("ledger", granted.body());
    }
  }
}
