package dev.portcullis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts connections on loopback and never answers: an issuer that hangs. */
final class SilentServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  final String url;

  SilentServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    url = "http://127.0.0.1:" + socket.getLocalPort();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(socket.accept());
        }
      } catch (IOException closed) {
        // the server was closed
      }
    }, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** How many connections were accepted, none of them answered. */
  int connections() {
    return accepted.size();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
