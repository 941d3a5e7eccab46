package dev.portcullis;

import dev.portcullis.testing.CapturedLog;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;

/** The WARNING and SEVERE records the runtime logs (under {@code dev.portcullis}, through java.util.logging). */
final class PortcullisLog {
  private PortcullisLog() {}

  /** Runs {@code action}; returns each WARNING or SEVERE record logged meanwhile as {@code LEVEL: message}. */
  static List<String> during(Runnable action) {
    try (CapturedLog log = new CapturedLog("dev.portcullis")) {
      action.run();
      SimpleFormatter formatter = new SimpleFormatter();
      return log.records().stream()
          .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
          .map(record -> record.getLevel() + ": " + formatter.formatMessage(record))
          .toList();
    }
  }
}
