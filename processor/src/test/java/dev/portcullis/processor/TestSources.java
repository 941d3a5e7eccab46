package dev.portcullis.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** The example sources under {@code src/test/resources/sources}, shared by several tests. */
final class TestSources {
  static final JavaFileObject ORDER = source("shop/Order.java");
  static final JavaFileObject ORDERS_RESOURCE = source("shop/OrdersResource.java");
  static final JavaFileObject ORDERS_API = source("shop/OrdersApi.java");
  static final JavaFileObject ORDERS_API_RESOURCE = source("shop/OrdersApiResource.java");
  static final JavaFileObject ADMIN = source("shop/Admin.java");

  static JavaFileObject source(String path) {
    return JavaFileObjects.forResource("sources/" + path);
  }

  static JavaFileObject golden(String name) {
    return JavaFileObjects.forResource("goldens/" + name + ".java");
  }

  private TestSources() {}
}
