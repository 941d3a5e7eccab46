package dev.portcullis.internal.introspection;

/**
 * Makes the {@link Introspector} of one configuration; portcullis-client provides it through
 * {@code META-INF/services}.
 */
public interface IntrospectorFactory {
  /**
   * The introspector for {@code settings}, ready to call.
   *
   * @throws dev.portcullis.PortcullisConfigException when the client authentication cannot be
   *     set up from the settings (an unreadable key file, a secret too short for its method);
   *     the message names the setting and the fix
   */
  Introspector create(IntrospectionSettings settings);
}
