/**
 * Where settings come from: the names of every setting of the resource server and of clients,
 * reading them from system properties and the environment, and the duration format they use.
 *
 * <p>Not an API: types here change without notice; applications use {@link
 * dev.portcullis.PortcullisConfig} and {@code dev.portcullis.client.OAuthClientSettings}.
 */
package dev.portcullis.internal.settings;
