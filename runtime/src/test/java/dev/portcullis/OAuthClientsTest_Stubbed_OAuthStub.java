package dev.portcullis;

import dev.portcullis.spi.StubTarget;

/** Stands in for the stub the processor would generate for {@link OAuthClientsTest.Stubbed}. */
public final class OAuthClientsTest_Stubbed_OAuthStub implements OAuthClientsTest.Stubbed {
  final StubTarget target;

  public OAuthClientsTest_Stubbed_OAuthStub(StubTarget target) {
    this.target = target;
  }
}
