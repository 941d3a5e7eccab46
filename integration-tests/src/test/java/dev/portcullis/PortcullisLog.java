package dev.portcullis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The WARNING and SEVERE records the runtime logs (under {@code dev.portcullis}, through java.util.logging). */
final class PortcullisLog {
  private PortcullisLog() {}

  /** Runs {@code action}; returns each WARNING or SEVERE record logged meanwhile as {@code LEVEL: message}. */
  static List<String> during(Runnable action) {
    Logger logger = Logger.getLogger("dev.portcullis");
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          logged.add(record.getLevel() + ": " + new SimpleFormatter().formatMessage(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      action.run();
      return List.copyOf(logged);
    } finally {
      logger.removeHandler(capture);
    }
  }
}
