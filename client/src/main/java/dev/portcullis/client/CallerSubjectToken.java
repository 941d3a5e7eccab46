package dev.portcullis.client;

import dev.portcullis.internal.http.CallerToken;
import java.util.function.Supplier;

/** The subject token of {@link Grant#tokenExchangeForCaller()}: the current request's verified token. */
final class CallerSubjectToken implements Supplier<String> {
  static final CallerSubjectToken INSTANCE = new CallerSubjectToken();

  private CallerSubjectToken() {}

  /**
   * @throws TokenAcquisitionException when the thread serves no request whose token Portcullis
   *     verified
   */
  @Override
  public String get() {
    String token = CallerToken.current();
    if (token == null) {
      throw new TokenAcquisitionException("The token exchange for the caller has no caller"
          + " token: it must be called while serving a request to a method Portcullis protects,"
          + " on the thread that serves it, after the token was verified (not from another"
          + " thread, a public method or after an asynchronous resource method returned). For"
          + " work on other threads, take the bearer token from the request's Authorization header"
          + " while serving it and use"
          + " Grant.tokenExchange(() -> token, Grant.ACCESS_TOKEN_TYPE).");
    }
    return token;
  }

  @Override
  public String toString() {
    return "CallerSubjectToken";
  }
}
