package dev.portcullis.processor;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.TokenSource;
import java.util.concurrent.atomic.AtomicInteger;

/** A token source that counts what a generated client asks of the real one it wraps. */
final class CountingTokens implements TokenSource {
  private final TokenSource delegate;
  final AtomicInteger tokens = new AtomicInteger();
  final AtomicInteger invalidations = new AtomicInteger();

  CountingTokens(TokenSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public AccessToken token() {
    tokens.incrementAndGet();
    return delegate.token();
  }

  @Override
  public void invalidate(AccessToken rejected) {
    invalidations.incrementAndGet();
    delegate.invalidate(rejected);
  }
}
