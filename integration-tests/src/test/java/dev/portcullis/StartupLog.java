package dev.portcullis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** What the runtime logs (under {@code dev.portcullis}, through java.util.logging) while an app starts. */
final class StartupLog {
  private StartupLog() {}

  /** Starts and stops an app; returns each record as {@code LEVEL: message}. */
  static List<String> of(PortcullisConfig config, Class<?>... resources) {
    Logger logger = Logger.getLogger("dev.portcullis");
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getLevel() + ": " + new SimpleFormatter().formatMessage(record));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
    try (TestApp app = TestApp.start(config, resources)) {
      return List.copyOf(logged);
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(previous);
    }
  }
}
