package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an OAuth 2.0 client for a JAX-RS API interface. The annotation processor generates
 * a final class {@code <Interface>_OAuthStub} beside the interface that implements every
 * abstract method as an HTTP request over {@code jakarta.ws.rs.client}, with a bearer token
 * from a {@code dev.portcullis.client.TokenSource}. Create instances with {@code
 * dev.portcullis.client.OAuthClients}, from the portcullis-client artifact.
 *
 * <pre>{@code
 * @OAuthClient(name = "orders-reader", scopes = "orders:read")
 * public interface OrdersReader extends OrdersApi { }
 *
 * OrdersReader orders = OAuthClients.fromConfiguration(OrdersReader.class);
 * List<Order> all = orders.list();
 * }</pre>
 *
 * <p>The methods carry their JAX-RS annotations directly or inherit them from the API interface
 * the client extends, typically the same interface the server implements. Default and static
 * methods are left alone. A method the stub cannot implement (no HTTP method annotation, two
 * entity parameters, an unsupported return type, ...) is a compile error on that method.
 *
 * <p><b>Compile-time scope coverage.</b> When a method of the interface carries a scope
 * requirement ({@link RequiresScope} on the method, on its API interface or inherited), {@link
 * #scopes()} must satisfy it; otherwise the build fails at {@code scopes} naming the method and
 * the missing scope. A reader client therefore cannot inherit a write method: declare it on an
 * interface that exposes only the methods its scopes allow.
 *
 * <p><b>Why grant and client authentication are not here.</b> The grant type, the client
 * authentication method, client id, secrets, keys and the authorization server differ between
 * environments (a local development server, staging, production) and some are secrets that must
 * not be compiled into a class file. They are deployment configuration, read from {@code
 * portcullis.client.<name>.*} system properties or {@code PORTCULLIS_CLIENT_<NAME>_*}
 * environment variables (see {@code dev.portcullis.client.OAuthClientSettings}), or given in code
 * through {@code OAuthClients.builder(Class)}. What is fixed at compile time is what the code
 * itself depends on: which API methods it calls, and therefore which scopes it needs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OAuthClient {

  /**
   * The client's name: the {@code <name>} of its configuration keys, such as {@code
   * portcullis.client.orders-reader.client-id}. Letters, digits, {@code -} and {@code _},
   * starting with a letter or digit.
   */
  String name();

  /**
   * The scopes the client requests, unless {@code portcullis.client.<name>.scopes} overrides
   * them. Checked at compile time against the requirements of every method of the interface.
   */
  String[] scopes() default {};
}
