package io.fissile.runtime.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for an instance to accept TCP connections (the contract's readiness), checking often at
 * first, since most runtimes are up within tens of milliseconds, then less often.
 */
final class ReadinessProbe {

    enum Outcome { READY, EXITED, TIMED_OUT }

    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private ReadinessProbe() {
    }

    static Outcome await(InetSocketAddress address, BooleanSupplier alive, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            if (!alive.getAsBoolean()) return Outcome.EXITED;
            if (accepts(address)) return alive.getAsBoolean() ? Outcome.READY : Outcome.EXITED;
            if (System.nanoTime() - deadline > 0) return Outcome.TIMED_OUT;
            Thread.sleep(pause);
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
