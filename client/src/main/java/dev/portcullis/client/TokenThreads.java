package dev.portcullis.client;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where asynchronous token requests run unless the settings name an executor: one pool for the
 * whole class loader, of at most {@link #MAX_THREADS} daemon threads named {@code
 * portcullis-token-<n>}, started when a request needs one and ended after {@link
 * #IDLE_SECONDS} idle seconds. Daemon threads never keep a JVM from exiting, and idle ones end,
 * so there is nothing to close; requests beyond the bound queue until a thread is free.
 */
final class TokenThreads {
  static final int MAX_THREADS = 32;
  static final long IDLE_SECONDS = 60;

  static final Executor SHARED = pool();

  private TokenThreads() {}

  private static Executor pool() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_SECONDS,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "portcullis-token-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
