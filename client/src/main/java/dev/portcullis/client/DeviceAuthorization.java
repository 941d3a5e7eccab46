package dev.portcullis.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device authorization in progress (RFC 8628): what to show the user, who approves on another
 * device, and what {@link TokenClient#completeDeviceAuthorization} needs to poll for the tokens.
 * The device code is a secret and, like the user code, not part of {@link #toString()}.
 *
 * <pre>{@code
 * DeviceAuthorization device = tokens.startDeviceAuthorization();
 * System.out.println("Open " + device.verificationUri() + " and enter " + device.userCode());
 * AccessToken token = tokens.completeDeviceAuthorization(device);   // waits for the user
 * }</pre>
 */
public final class DeviceAuthorization {
  private final String deviceCode;
  private final String userCode;
  private final URI verificationUri;
  private final URI verificationUriComplete;
  private final Instant expiresAt;
  private final Duration interval;

  DeviceAuthorization(String deviceCode, String userCode, URI verificationUri,
      URI verificationUriComplete, Instant expiresAt, Duration interval) {
    this.deviceCode = Objects.requireNonNull(deviceCode, "deviceCode");
    this.userCode = Objects.requireNonNull(userCode, "userCode");
    this.verificationUri = Objects.requireNonNull(verificationUri, "verificationUri");
    this.verificationUriComplete = verificationUriComplete;
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** The code the user enters at {@link #verificationUri()}. */
  public String userCode() {
    return userCode;
  }

  /** Where the user goes, on any device with a browser, to enter the user code and approve. */
  public URI verificationUri() {
    return verificationUri;
  }

  /**
   * The verification URL with the user code in it, if the server gave one: for a QR code or a
   * link that saves typing. Show the user code as well, so the user can check it.
   */
  public Optional<URI> verificationUriComplete() {
    return Optional.ofNullable(verificationUriComplete);
  }

  /** When the device code expires; the user must approve before. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** How long to wait between polls, as the server asked (5 seconds if it did not say). */
  public Duration interval() {
    return interval;
  }

  String deviceCode() {
    return deviceCode;
  }

  @Override
  public String toString() {
    return "DeviceAuthorization[verificationUri=" + verificationUri + ", expiresAt=" + expiresAt
        + ", interval=" + interval + ", userCode=(redacted), deviceCode=(redacted)]";
  }
}
