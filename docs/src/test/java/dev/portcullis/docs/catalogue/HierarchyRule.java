package dev.portcullis.docs.catalogue;

import dev.portcullis.spi.AccessRule;

/** The rule a generated filter holds for a method that needs orders:read under the catalogue's hierarchy. */
final class HierarchyRule {
  private HierarchyRule() {}

  // tag::rule[]
  static final AccessRule LIST = AccessRule.allOf("orders:read")
      .impliedBy("orders:read", "orders:admin", "orders:write");
  // end::rule[]
}
