package io.fissile.triggers.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code nats-server} with JetStream, on 127.0.0.1 with a free port and its own store
 * directory. {@link #stop()} and {@link #start()} restart it on the same port and store (streams
 * and consumers survive); {@link #close()} ends it and deletes the store. Skips the test when the
 * package is not installed.
 */
public final class NatsServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Path binary;
    private final Path dir;
    private final int port;
    private final Thread shutdownHook;
    private Process process;

    private NatsServer(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "nats-server-stop-" + port);
    }

    /** Starts a new server; skips the calling test when nats-server is missing. */
    public static NatsServer start(String name) {
        Path binary = LocalServerProcess.requireBinary("nats-server", "/usr/sbin/nats-server", "/usr/bin/nats-server");
        try {
            NatsServer server = new NatsServer(binary, Files.createTempDirectory("fissile-nats-" + name + "-"),
                    LocalServerProcess.freePort());
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (Re)starts the process; a no-op when it runs. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path log = dir.resolve("nats-server.log");
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(List.of(binary.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-sd", dir.resolve("store").toString(), "-n", "fissile-test-" + port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalServerProcess.await("nats-server on port " + port, process, log, START_LIMIT,
                () -> LocalServerProcess.logContains(log, "Server is ready") && LocalServerProcess.accepts(port));
    }

    /** Ends the process (like a crash of the broker), keeping its store for {@link #start()}. */
    public synchronized void stop() {
        LocalServerProcess.stopTree(process, Duration.ofSeconds(10));
        process = null;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Publishes with JetStream, first creating a stream for the subject when none captures it. */
    public void publish(String subject, String body, Map<String, String> headers) {
        try (Connection connection = Nats.connect(url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            if (management.getStreamNames(subject).isEmpty()) {
                management.addStream(StreamConfiguration.builder()
                        .name(subject.replaceAll("[^A-Za-z0-9_-]", "_")).subjects(subject).build());
            }
            Headers natsHeaders = new Headers();
            headers.forEach(natsHeaders::put);
            connection.jetStream().publish(subject, natsHeaders, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot publish to " + subject + " at " + url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every message stored for the subject, oldest first, without consuming anything; empty when no stream has it. */
    public List<StoredMessage> read(String subject) {
        List<StoredMessage> messages = new ArrayList<>();
        try (Connection connection = Nats.connect(url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            for (String stream : management.getStreamNames(subject)) {
                StreamState state = management.getStreamInfo(stream).getStreamState();
                for (long seq = state.getFirstSequence(); seq <= state.getLastSequence() && state.getMsgCount() > 0; seq++) {
                    MessageInfo info = management.getMessage(stream, seq);
                    if (subject.equals(info.getSubject())) {
                        Map<String, String> headers = new HashMap<>();
                        if (info.getHeaders() != null) {
                            info.getHeaders().entrySet().forEach(e -> headers.put(e.getKey(), String.join(",", e.getValue())));
                        }
                        messages.add(new StoredMessage(info.getData() == null ? new byte[0] : info.getData(), headers));
                    }
                }
            }
            return messages;
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot read " + subject + " at " + url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
        LocalServerProcess.deleteTree(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook itself is running.
        }
    }
}
