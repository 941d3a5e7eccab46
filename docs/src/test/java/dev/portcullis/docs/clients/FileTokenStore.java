package dev.portcullis.docs.clients;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.TokenStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * An example {@link TokenStore} over files: one file per key, readable by its owner only,
 * replaced by an atomic move, and compare-and-set under a lock that other processes using the
 * same directory respect too. Tokens never reach a log or an exception message.
 */
// tag::file-store[]
public final class FileTokenStore implements TokenStore {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private final Path directory;

  public FileTokenStore(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public Optional<Tokens> load(String key) {
    Path file = fileOf(key);
    try {
      return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the tokens in " + file + ".", e);
    }
  }

  @Override
  public boolean save(String key, String expectedRefreshToken, Tokens replacement) {
    Path file = fileOf(key);
    // One lock for this JVM's threads, one file lock for other processes.
    synchronized (this) {
      try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        String stored = Files.exists(file) ? read(file).refreshToken() : null;
        if (!Objects.equals(stored, expectedRefreshToken)) {
          return false;                       // another client rotated it meanwhile
        }
        if (replacement == null) {
          Files.deleteIfExists(file);
        } else {
          write(file, replacement);
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot save the tokens in " + file + ".", e);
      }
    }
  }

  private void write(Path file, Tokens tokens) throws IOException {
    Properties properties = new Properties();
    if (tokens.refreshToken() != null) {
      properties.setProperty("refresh_token", tokens.refreshToken());
    }
    AccessToken access = tokens.accessToken();
    if (access != null) {
      properties.setProperty("access_token", access.value());
      properties.setProperty("token_type", access.type());
      properties.setProperty("expires_at", access.expiresAt().toString());
      properties.setProperty("scope", String.join(" ", access.scopes()));
    }
    Path temporary = Files.createTempFile(directory, ".tokens", ".tmp", ownerOnly());
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(out, null);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Tokens read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    String accessToken = properties.getProperty("access_token");
    String scope = properties.getProperty("scope", "");
    return new Tokens(properties.getProperty("refresh_token"), accessToken == null ? null
        : AccessToken.of(accessToken, properties.getProperty("token_type"),
            Instant.parse(properties.getProperty("expires_at")),
            scope.isEmpty() ? Set.of() : Set.of(scope.split(" "))));
  }

  /** The key's file: a hash, so that keys (user ids, say) never become file names. */
  private Path fileOf(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return directory.resolve(HexFormat.of().formatHex(hash) + ".tokens");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private FileAttribute<?>[] ownerOnly() {
    return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "FileTokenStore[" + directory + "]";
  }
}
// end::file-store[]
