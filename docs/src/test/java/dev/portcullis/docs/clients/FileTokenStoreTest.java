package dev.portcullis.docs.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.TokenStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-backed token store of docs/clients.md keeps what it promises. */
class FileTokenStoreTest {
  private static final AccessToken ACCESS = AccessToken.of("access-secret", "Bearer",
      Instant.parse("2030-01-01T00:00:00Z"), Set.of("orders:read", "openid"));

  @TempDir
  Path directory;

  @Test
  void savedTokensAreReadBackByAnotherInstance() throws Exception {
    assertTrue(new FileTokenStore(directory).save("alice", null,
        new TokenStore.Tokens("refresh-secret", ACCESS)));

    TokenStore.Tokens loaded = new FileTokenStore(directory).load("alice").orElseThrow();

    assertEquals("refresh-secret", loaded.refreshToken());
    assertEquals("access-secret", loaded.accessToken().value());
    assertEquals(ACCESS.expiresAt(), loaded.accessToken().expiresAt());
    assertEquals(ACCESS.scopes(), loaded.accessToken().scopes());
    assertEquals(Optional.empty(), new FileTokenStore(directory).load("bob"));
  }

  @Test
  void saveReplacesOnlyTheExpectedRefreshToken() throws Exception {
    FileTokenStore store = new FileTokenStore(directory);
    store.save("alice", null, new TokenStore.Tokens("r1", null));

    assertFalse(store.save("alice", "r0", new TokenStore.Tokens("r2", null)));
    assertFalse(store.save("alice", null, new TokenStore.Tokens("r2", null)));
    assertTrue(store.save("alice", "r1", new TokenStore.Tokens("r2", ACCESS)));
    assertEquals("r2", store.load("alice").orElseThrow().refreshToken());
    assertTrue(store.save("alice", "r2", null));
    assertEquals(Optional.empty(), store.load("alice"));
  }

  @Test
  void ofConcurrentSavesExpectingOneTokenExactlyOneWins() throws Exception {
    FileTokenStore store = new FileTokenStore(directory);
    store.save("alice", null, new TokenStore.Tokens("r1", null));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> saves = Stream.of("a", "b", "c", "d")
          .map(name -> pool.submit(() -> store.save("alice", "r1", new TokenStore.Tokens("r2" + name, null))))
          .collect(Collectors.toList());
      int won = 0;
      for (Future<Boolean> save : saves) {
        won += save.get() ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void filesAreTheOwnersOnlyAndNamedByAHashOfTheKey() throws Exception {
    new FileTokenStore(directory).save("alice@example.com", null, new TokenStore.Tokens("refresh-secret", ACCESS));

    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> file.toString().endsWith(".tokens")).collect(Collectors.toList());
    }
    assertEquals(1, files.size());
    assertFalse(files.get(0).getFileName().toString().contains("alice"));
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
    }
    String text = new FileTokenStore(directory).toString() + new TokenStore.Tokens("refresh-secret", ACCESS);
    assertFalse(text.contains("secret"), text);
    assertTrue(Files.readString(files.get(0), StandardCharsets.UTF_8).contains("refresh-secret"));
  }
}
