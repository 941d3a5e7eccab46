package dev.portcullis.sample.http;

import java.io.IOException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps a client that goes away before its response is written from filling the log: Jersey
 * logs that as SEVERE with a stack trace of some 80 lines, once per request in flight. A record
 * of Jersey's response writer caused by an {@link IOException} (connection reset, broken pipe,
 * connection closed) becomes one DEBUG line under {@code dev.portcullis.sample.http}; every other
 * record passes unchanged.
 */
final class ClientDisconnectLog implements Filter {

  /** Jersey's logger for writing responses (ServerRuntime.Responder). */
  private static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

  // Held here: java.util.logging keeps loggers weakly, and a collected logger loses its filter.
  private static final Logger RESPONDER = Logger.getLogger(JERSEY_RESPONDER);
  private static final System.Logger LOG = System.getLogger(ClientDisconnectLog.class.getPackageName());

  private final Filter next;

  private ClientDisconnectLog(Filter next) {
    this.next = next;
  }

  /** Installs the filter on Jersey's response writer logger, once. */
  static synchronized void install() {
    if (!(RESPONDER.getFilter() instanceof ClientDisconnectLog)) {
      RESPONDER.setFilter(new ClientDisconnectLog(RESPONDER.getFilter()));
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    IOException cause = ioCause(record.getThrown());
    if (cause == null) {
      return next == null || next.isLoggable(record);
    }
    LOG.log(System.Logger.Level.DEBUG, "A client closed its connection before its response was written: {0}",
        String.valueOf(cause.getMessage()));
    return false;
  }

  /** The innermost IOException among the causes, which says what happened to the socket. */
  private static IOException ioCause(Throwable thrown) {
    IOException found = null;
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        found = io;
      }
    }
    return found;
  }
}
