/**
 * {@code @OAuthClient} interfaces: the {@link dev.portcullis.processor.client.ClientStubStep}
 * reads each into a {@code ClientInterface} (methods, parameters, {@code @BeanParam}s, scope
 * coverage), and only a clean read reaches the {@code StubGenerator}, which writes {@code
 * <Interface>_OAuthStub}.
 */
package dev.portcullis.processor.client;
