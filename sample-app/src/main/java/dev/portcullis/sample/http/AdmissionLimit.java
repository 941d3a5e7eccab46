package dev.portcullis.sample.http;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.threadpool.Threads;
import org.glassfish.grizzly.utils.Charsets;

/**
 * Runs the application's handler on Grizzly's worker threads, admitting at most a fixed number
 * of requests at a time, running or waiting for a thread. A request beyond that is answered
 * 503 Service Unavailable with {@code Retry-After} at once, without reaching the application.
 *
 * <p>Grizzly can bound its worker queue itself, but answers a full queue with a 500 HTML page
 * and a logged stack trace per refused request.
 */
final class AdmissionLimit extends HttpHandler {

  /** The request attribute that says whether a request was admitted (Grizzly clears attributes per request). */
  private static final String ADMITTED = AdmissionLimit.class.getName() + ".admitted";

  private final HttpHandler application;
  private final Semaphore places;

  AdmissionLimit(HttpHandler application, int maxRequests) {
    super(application.getName());
    this.application = application;
    this.places = new Semaphore(maxRequests);
  }

  @Override
  public void start() {
    application.start();
  }

  @Override
  public void destroy() {
    application.destroy();
  }

  @Override
  public RequestExecutorProvider getRequestExecutorProvider() {
    return this::executor;
  }

  /** The worker pool for an admitted request; {@code null} (this thread) to refuse one. */
  private Executor executor(Request request) {
    Boolean admitted = (Boolean) request.getAttribute(ADMITTED);
    if (admitted == null) {
      admitted = places.tryAcquire();
      if (admitted) {
        request.addAfterServiceListener(served -> places.release());
      }
      request.setAttribute(ADMITTED, admitted);
    }
    if (!admitted || !Threads.isService()) {
      return null;
    }
    return request.getContext().getConnection().getTransport().getWorkerThreadPool();
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    if (Boolean.FALSE.equals(request.getAttribute(ADMITTED))) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
      response.setHeader(Header.RetryAfter, "1");
      response.setContentType("text/plain");
      response.setCharacterEncoding(Charsets.UTF8_CHARSET.name());
      response.getWriter().write("The server is busy; try again in a second.\n");
      return;
    }
    application.service(request, response);
  }
}
