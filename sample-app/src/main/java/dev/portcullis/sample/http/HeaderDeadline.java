package dev.portcullis.sample.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Closeable;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.ICloseType;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerMonitoringConfig;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers 408 and closes a connection whose request headers are not complete within a time
 * limit of their first byte.
 *
 * <p>Grizzly has no such limit. Its idle timeout (keep-alive idle) restarts with every byte
 * received, so a client that sends a header byte every few seconds keeps a connection, and the
 * memory for its partial headers, for as long as it likes; its read timeout applies only to
 * blocking reads of a request body. This class keeps the time from Grizzly's own HTTP events
 * (monitoring probes): the first bytes of a request start it, parsed headers stop it, and a
 * finished response makes the connection wait for a new request.
 */
final class HeaderDeadline implements AutoCloseable {

  private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
      + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

  // One per class: Grizzly's attribute builder gives every attribute of one name the first initializer.
  private static final Attribute<Watch> WATCHES =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HeaderDeadline.class.getName(), Watch::new);

  private final long timeoutMillis;
  private final ScheduledThreadPoolExecutor timer;

  HeaderDeadline(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "portcullis-sample-header-deadline");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Starts following the HTTP events of the server with this monitoring configuration. */
  void watch(HttpServerMonitoringConfig monitoring) {
    monitoring.getHttpConfig().addProbes(new HttpProbe.Adapter() {
      @Override
      public void onDataReceivedEvent(Connection connection, Buffer buffer) {
        WATCHES.get(connection).bytesReceived(connection, HeaderDeadline.this);
      }

      @Override
      public void onHeaderParseEvent(Connection connection, HttpHeader header, int size) {
        WATCHES.get(connection).headersParsed();
      }
    });
    monitoring.getWebServerConfig().addProbes(new HttpServerProbe.Adapter() {
      @Override
      public void onRequestCompleteEvent(HttpServerFilter filter, Connection connection, Response response) {
        WATCHES.get(connection).responded();
      }
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static void answerTimeout(Connection<?> connection) {
    if (connection.isOpen()) {
      connection.write(Buffers.wrap(connection.getMemoryManager(), REQUEST_TIMEOUT));
      connection.close();
    }
  }

  /** One connection's state: between requests, reading headers (timed) or in a request. */
  private static final class Watch {
    private ScheduledFuture<?> deadline;
    private boolean inRequest;
    private boolean closeListened;

    synchronized void bytesReceived(Connection<?> connection, HeaderDeadline server) {
      if (inRequest || deadline != null) {
        return;
      }
      if (!closeListened) {
        closeListened = true;
        org.glassfish.grizzly.CloseListener<Closeable, ICloseType> onClose = (closeable, type) -> cancel();
        connection.addCloseListener(onClose);
      }
      try {
        deadline = server.timer.schedule(() -> answerTimeout(connection), server.timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        connection.closeSilently();
      }
    }

    synchronized void headersParsed() {
      inRequest = true;
      cancel();
    }

    synchronized void cancel() {
      if (deadline != null) {
        deadline.cancel(false);
        deadline = null;
      }
    }

    synchronized void responded() {
      inRequest = false;
    }
  }
}
