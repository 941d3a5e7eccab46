package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Duration syntax. */
class ConfigValuesTest {

  @Test
  void shortDurationsAreParsed() {
    assertEquals(Duration.ofMillis(500), ConfigValues.parseDuration("k", "500ms"));
    assertEquals(Duration.ofSeconds(30), ConfigValues.parseDuration("k", "30s"));
    assertEquals(Duration.ofMinutes(5), ConfigValues.parseDuration("k", "5m"));
    assertEquals(Duration.ofHours(1), ConfigValues.parseDuration("k", "1h"));
    assertEquals(Duration.ofSeconds(30), ConfigValues.parseDuration("k", " 30 S "));
  }

  @Test
  void zeroNeedsNoUnit() {
    assertEquals(Duration.ZERO, ConfigValues.parseDuration("introspection-cache-ttl", "0"));
    assertEquals(Duration.ZERO, ConfigValues.parseDuration("introspection-cache-ttl", " 0 "));
  }

  @Test
  void isoDurationsAreParsed() {
    assertEquals(Duration.ofSeconds(30), ConfigValues.parseDuration("k", "PT30S"));
    assertEquals(Duration.ofMinutes(1), ConfigValues.parseDuration("k", "pt1m"));
  }

  @Test
  void durationsWithoutUnitOrWithGarbageAreRejected() {
    for (String bad : new String[] {"30", "00", "1", "abc", "5 minutes", "-5s", "PT", "99999999999999999999s"}) {
      assertThrows(PortcullisConfigException.class, () -> ConfigValues.parseDuration("clock-skew", bad), bad);
    }
  }
}
