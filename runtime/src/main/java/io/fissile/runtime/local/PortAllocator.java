package io.fissile.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free loopback ports for instances, chosen by the kernel, and never handed out twice while an
 * instance holds one (the kernel may offer a port again between our probe and the runtime's bind).
 */
final class PortAllocator {

    private static final int ATTEMPTS = 20;
    private final Set<Integer> reserved = ConcurrentHashMap.newKeySet();

    int reserve() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe();
            if (reserved.add(port)) return port;
        }
        throw new IllegalStateException("No free loopback port found in " + ATTEMPTS + " attempts");
    }

    void release(int port) {
        reserved.remove(port);
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }
}
