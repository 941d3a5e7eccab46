package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ws.rs.client.Client;
import org.junit.jupiter.api.Test;

/**
 * Generated clients built without a JAX-RS client of their own share one per TLS identity:
 * building a JAX-RS client and its runtime for every generated client costs milliseconds and a
 * megabyte, and a web application builds a generated client per user.
 */
class DefaultJaxRsClientsTest {
  @Test
  void generatedClientsWithoutTlsShareOneClient() {
    assertSame(DefaultJaxRsClients.of(null), DefaultJaxRsClients.of(null));
  }

  @Test
  void eachTlsIdentityHasAClientOfItsOwnSharedByItsUsers() {
    TestCertificates.Identity authority = TestCertificates.authority("CN=Test CA");
    ClientTls alice = ClientTls.of(TestCertificates.context(TestCertificates.client("CN=alice", authority)));
    ClientTls bob = ClientTls.of(TestCertificates.context(TestCertificates.client("CN=bob", authority)));

    Client forAlice = DefaultJaxRsClients.of(alice);

    assertSame(forAlice, DefaultJaxRsClients.of(alice));
    assertNotSame(forAlice, DefaultJaxRsClients.of(bob));
    assertNotSame(forAlice, DefaultJaxRsClients.of(null), "a client presenting a certificate is not the plain one");
  }
}
