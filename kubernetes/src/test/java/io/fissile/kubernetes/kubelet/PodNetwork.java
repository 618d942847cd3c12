package io.fissile.kubernetes.kubelet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pod IPs on the loopback network: all of 127.0.0.0/8 is this machine on Linux, so each pod gets an
 * address of its own and its containers' ports mean what they mean in a cluster (8888 the runtime,
 * 8000 the fetcher). A runtime process here only takes a port on 127.0.0.1 (the local runtime picks
 * it), so a {@link Forward} carries podIP:8888 to it.
 */
final class PodNetwork {

    /**
     * The next address, shared by every kubelet of the JVM and started at random, so that a test's
     * pods never get an address whose ports a previous test (or another JVM) may still hold.
     */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16, 1 << 23));

    /** A fresh address in 127.0.0.0/8 outside 127.0.0.x (where everything else listens). */
    InetAddress allocate() {
        int host = NEXT.getAndIncrement() & 0xffffff;
        if (host < 256) host += 256;
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) (host >> 16), (byte) (host >> 8), (byte) host});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts on {@code listen} and copies each connection both ways to {@code target}. */
    static final class Forward implements AutoCloseable {
        private final ServerSocket server;
        private final InetSocketAddress target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        Forward(InetSocketAddress listen, InetSocketAddress target) throws IOException {
            this.server = new ServerSocket();
            this.server.setReuseAddress(true);
            this.server.bind(listen, 512);
            this.target = target;
            Thread.ofVirtual().name("pod-forward-" + listen).start(this::accept);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread.ofVirtual().start(() -> connect(client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void connect(Socket client) {
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                AtomicInteger directions = new AtomicInteger(2);
                Runnable done = () -> {
                    if (directions.decrementAndGet() == 0) {
                        closeQuietly(client);
                        closeQuietly(upstream);
                    }
                };
                Thread.ofVirtual().start(() -> copy(client, upstream, done));
                copy(upstream, client, done);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }

        /** Copies until the end of one direction, which is passed on as a half-close; an error closes both. */
        private void copy(Socket from, Socket to, Runnable done) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            } finally {
                done.run();
            }
        }

        private void closeQuietly(Socket socket) {
            open.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            open.forEach(this::closeQuietly);
        }
    }
}
