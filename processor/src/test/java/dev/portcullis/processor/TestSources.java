package dev.portcullis.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;

/** The example sources under {@code src/test/resources/sources}, shared by several tests. */
final class TestSources {
  static final JavaFileObject ORDER = source("shop/Order.java");
  static final JavaFileObject ORDERS_RESOURCE = source("shop/OrdersResource.java");
  static final JavaFileObject ORDERS_API = source("shop/OrdersApi.java");
  static final JavaFileObject ORDERS_API_RESOURCE = source("shop/OrdersApiResource.java");
  static final JavaFileObject ADMIN = source("shop/Admin.java");

  /** A catalogue, an API interface, its resource class and a client, in that order. */
  static final JavaFileObject[] WAREHOUSE = {
    source("warehouse/WarehouseScopes.java"),
    source("warehouse/StockApi.java"),
    source("warehouse/StockResource.java"),
    source("warehouse/StockAdminClient.java")
  };

  static JavaFileObject source(String path) {
    return JavaFileObjects.forResource("sources/" + path);
  }

  static JavaFileObject golden(String name) {
    return JavaFileObjects.forResource("goldens/" + name + ".java");
  }

  /**
   * The reviewed filter of the resource class {@code binaryName}, {@code
   * goldens/filters/<Outer_Inner>_PortcullisFilter.java}.
   */
  static String goldenFilter(String binaryName) {
    String filter = FilterRules.filterName(binaryName);
    String path = "/goldens/filters/" + filter.substring(filter.lastIndexOf('.') + 1) + ".java";
    try (InputStream in = TestSources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("No golden filter " + path + " for " + binaryName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reviewed stub of the interface {@code simpleName}, {@code
   * goldens/stubs/<Name>_OAuthStub.java}.
   */
  static String goldenStub(String simpleName) {
    return text("/goldens/stubs/" + simpleName + "_OAuthStub.java");
  }

  private static String text(String path) {
    try (InputStream in = TestSources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("No golden file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TestSources() {}
}
