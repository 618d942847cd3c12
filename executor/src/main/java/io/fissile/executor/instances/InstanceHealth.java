package io.fissile.executor.instances;

import io.fissile.runtime.Instance;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Whether an instance a caller could not reach still works: its process runs and its port accepts connections. */
final class InstanceHealth {

    private InstanceHealth() {
    }

    static boolean reachable(Instance instance, Duration timeout) {
        if (!instance.isAlive()) return false;
        try (Socket socket = new Socket()) {
            socket.connect(instance.address(), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
