package dev.portcullis.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, to cross refresh, cache and expiry boundaries without sleeping.
 * Shared by the tests of every runtime package.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /** Stands at {@code start} until moved. */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /** Stands at 2030-01-01T00:00:00Z until moved. */
  public MutableClock() {
    this(Instant.parse("2030-01-01T00:00:00Z"));
  }

  /** Moves the clock by {@code duration}, which may be negative. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Moves the clock by {@code seconds}, which may be negative. */
  public void advanceSeconds(long seconds) {
    now = now.plusSeconds(seconds);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
