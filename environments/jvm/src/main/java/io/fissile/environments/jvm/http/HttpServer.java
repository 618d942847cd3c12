package io.fissile.environments.jvm.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A small HTTP/1.1 server: keep-alive connections, Content-Length and chunked bodies in both
 * directions, each connection served by its own virtual thread with blocking I/O.
 */
public final class HttpServer implements AutoCloseable {

    private static final int BACKLOG = 1024;

    private final ServerSocket listener;
    private final Thread acceptor;

    private HttpServer(ServerSocket listener, HttpHandler handler) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().name("http-acceptor").unstarted(() -> acceptLoop(handler));
    }

    /** Listens on {@code address} (port 0 picks a free one) and starts serving. */
    public static HttpServer start(InetSocketAddress address, HttpHandler handler) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(address, BACKLOG);
        HttpServer server = new HttpServer(listener, handler);
        server.acceptor.start();
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Stops accepting connections; those already open finish their current request. */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop(HttpHandler handler) {
        Thread.Builder connections = Thread.ofVirtual().name("http-connection");
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.start(new HttpConnection(socket, handler));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // Running out of file descriptors and the like: report, and keep accepting.
                System.err.println("accept failed: " + e);
                pauseAfterFailure();
            }
        }
    }

    private static void pauseAfterFailure() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
