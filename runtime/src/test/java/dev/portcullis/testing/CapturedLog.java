package dev.portcullis.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every record a {@code java.util.logging} logger (and its children) publishes while open, as
 * published and as the default formatter writes it, stack traces included. Shared by the tests
 * of every runtime package and of portcullis-client.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
      lines.add(new SimpleFormatter().format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Captures everything {@code loggerName} logs, at every level, until closed. */
  public CapturedLog(String loggerName) {
    logger = Logger.getLogger(loggerName);
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** The records so far, as published, for their level, message pattern and parameters. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records so far, formatted. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
  }
}
