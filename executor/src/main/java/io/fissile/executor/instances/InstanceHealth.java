package io.fissile.executor.instances;

import io.fissile.runtime.Instance;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Whether an instance a caller could not reach still works: its process runs and its port accepts connections. */
final class InstanceHealth {

    private InstanceHealth() {
    }

    /** How many times the port is tried: one refused connect under a burst of load is not a dead instance. */
    private static final int ATTEMPTS = 3;
    private static final long PAUSE_MILLIS = 100;

    static boolean reachable(Instance instance, Duration timeout) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (!instance.isAlive()) return false;
            try (Socket socket = new Socket()) {
                socket.connect(instance.address(), (int) Math.max(1, timeout.toMillis()));
                return true;
            } catch (IOException e) {
                if (attempt < ATTEMPTS) pause();
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
