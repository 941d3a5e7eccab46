package dev.portcullis.internal.filters;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Ends the background work of an application's token verification (the issuers' key loading
 * threads) when Jersey shuts the application down, so that a stopped or redeployed application
 * leaves no thread behind. Registered by {@link JerseyRegistrationGuard}; like it, only Jersey
 * ever loads it. Other implementations have no portable shutdown signal: there users call
 * {@code PortcullisFeature.close()}, or the threads, daemons, end with the JVM.
 */
@ConstrainedTo(RuntimeType.SERVER)
final class JerseyShutdown implements ContainerLifecycleListener {
  @Override
  public void onStartup(Container container) {}

  @Override
  public void onReload(Container container) {}

  @Override
  public void onShutdown(Container container) {
    Object work = container.getConfiguration().getProperty(GeneratedFilterFeature.BACKGROUND_WORK);
    if (work instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        System.getLogger("dev.portcullis").log(System.Logger.Level.DEBUG,
            "Ending Portcullis' background work failed: {0}", e.getClass().getName());
      }
    }
  }
}
