package dev.portcullis.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The mutual TLS world of one test class: a test CA, a client certificate it issued for {@link
 * MutualTlsAuthorizationServer#PKI_SUBJECT}, a self-signed certificate, a {@link
 * MutualTlsAuthorizationServer} that accepts both, and, in a folder of its own, PEM files of the
 * client's certificate chain, of its private key and of the CA. Registered in a static field,
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MutualTlsFixture TLS = new MutualTlsFixture();
 * }</pre>
 *
 * <p>it makes them before the class's {@code @BeforeAll} methods run; after its {@code @AfterAll}
 * methods, it closes the server and deletes the folder with every file written to it.
 */
public final class MutualTlsFixture implements BeforeAllCallback, AfterAllCallback {
  private final String authorityName;
  private final String selfSignedName;
  private TestCertificates.Identity authority;
  private TestCertificates.Identity client;
  private TestCertificates.Identity selfSigned;
  private MutualTlsAuthorizationServer server;
  private Path folder;
  private Path chainFile;
  private Path keyFile;
  private Path caFile;

  /** A fixture whose CA is {@code CN=Test CA} and whose self-signed certificate is {@code CN=self-signed-client}. */
  public MutualTlsFixture() {
    this("CN=Test CA", "CN=self-signed-client");
  }

  /** A fixture whose CA has the name {@code authorityName} and whose self-signed certificate {@code selfSignedName}. */
  public MutualTlsFixture(String authorityName, String selfSignedName) {
    this.authorityName = authorityName;
    this.selfSignedName = selfSignedName;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    authority = TestCertificates.authority(authorityName);
    client = TestCertificates.client(MutualTlsAuthorizationServer.PKI_SUBJECT, authority);
    selfSigned = TestCertificates.selfSigned(selfSignedName);
    folder = Files.createTempDirectory("portcullis-mutual-tls");
    chainFile = write("client-chain.pem", client.pem() + authority.pem());
    keyFile = write("client-key.pem", client.keyPem());
    caFile = write("ca.pem", authority.pem());
    server = new MutualTlsAuthorizationServer(authority, selfSigned.certificate());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (folder != null) {
        try (Stream<Path> paths = Files.walk(folder)) {
          List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
          for (Path path : deepestFirst) {
            Files.delete(path);
          }
        }
      }
    }
  }

  /** The test CA, which issued the server's HTTPS certificate and the client's. */
  public TestCertificates.Identity authority() {
    return authority;
  }

  /** The client certificate, for {@link MutualTlsAuthorizationServer#PKI_SUBJECT}, and its key. */
  public TestCertificates.Identity client() {
    return client;
  }

  /** The self-signed certificate the server registers for {@link MutualTlsAuthorizationServer#SELF_SIGNED_CLIENT}. */
  public TestCertificates.Identity selfSigned() {
    return selfSigned;
  }

  /** The running authorization server. */
  public MutualTlsAuthorizationServer server() {
    return server;
  }

  /** A PEM file of the client's certificate followed by the CA's. */
  public Path chainFile() {
    return chainFile;
  }

  /** A PEM file of the client's private key (PKCS#8). */
  public Path keyFile() {
    return keyFile;
  }

  /** A PEM file of the CA's certificate, to trust the server with. */
  public Path caFile() {
    return caFile;
  }

  /** The file {@code name} in the fixture's folder, which need not exist; the folder is deleted after the class. */
  public Path file(String name) {
    return folder.resolve(name);
  }

  /** Writes {@code text} to the file {@code name} in the fixture's folder, which is deleted after the class. */
  public Path write(String name, String text) throws IOException {
    return Files.writeString(file(name), text);
  }

  /** Writes {@code bytes} to the file {@code name} in the fixture's folder, which is deleted after the class. */
  public Path write(String name, byte[] bytes) throws IOException {
    return Files.write(file(name), bytes);
  }
}
