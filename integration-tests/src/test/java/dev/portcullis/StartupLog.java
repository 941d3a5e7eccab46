package dev.portcullis;

import dev.portcullis.testing.CapturedLog;
import java.util.List;
import java.util.logging.SimpleFormatter;

/** What the runtime logs (under {@code dev.portcullis}, through java.util.logging) while an app starts. */
final class StartupLog {
  private StartupLog() {}

  /** Starts and stops an app; returns each record as {@code LEVEL: message}. */
  static List<String> of(PortcullisConfig config, Class<?>... resources) {
    try (CapturedLog log = new CapturedLog("dev.portcullis"); TestApp app = TestApp.start(config, resources)) {
      SimpleFormatter formatter = new SimpleFormatter();
      return log.records().stream().map(record -> record.getLevel() + ": " + formatter.formatMessage(record)).toList();
    }
  }
}
