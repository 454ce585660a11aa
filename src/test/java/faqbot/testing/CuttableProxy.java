package faqbot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP forwarder on loopback whose connection can be cut, to take a database away from servers
 * mid-load without stopping the database itself (other tests use it too): {@link #cut} closes every
 * connection and refuses new ones; {@link #restore} listens again on the same port.
 */
public final class CuttableProxy implements AutoCloseable {
  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new ArrayList<>();
  private ServerSocket server;
  private Thread acceptor;

  public CuttableProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
    restore();
  }

  /** A forwarder to the host and port a {@code postgresql://} URL names. */
  public static CuttableProxy to(String url) throws IOException {
    URI uri = URI.create(url);
    return new CuttableProxy(uri.getHost(), uri.getPort());
  }

  /** The same URL, reaching its server through this forwarder. */
  public String through(String url) {
    return url.replace(":" + URI.create(url).getPort() + "/", ":" + port + "/");
  }

  public int port() {
    return port;
  }

  /** Listens (again) and forwards every connection to the target. */
  public synchronized void restore() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = socket;
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket client = socket.accept();
                  Socket upstream = new Socket(targetHost, targetPort);
                  synchronized (this) {
                    open.add(client);
                    open.add(upstream);
                  }
                  pipe(client, upstream);
                  pipe(upstream, client);
                } catch (IOException e) {
                  // closed: cut, or shut
                }
              }
            },
            "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Closes every connection and stops listening: the target looks gone. */
  public synchronized void cut() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  private static void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16_384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
