package io.fissile.triggers.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code nats-server} with JetStream, on 127.0.0.1 with a free port and its own store
 * directory. {@link #stop()} and {@link #start()} restart it on the same port and store (streams
 * and consumers survive); {@link #close()} ends it and deletes the store. Skips the test when the
 * package is not installed.
 */
public final class NatsServer implements TestBroker {
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

    /**
     * Publishes in order over one connection with JetStream, first creating a stream for the subject when
     * none captures it, and waits until the server has stored them all.
     */
    @Override
    public void publishAll(String subject, List<StoredMessage> messages) {
        try (Connection connection = Nats.connect(url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            if (management.getStreamNames(subject).isEmpty()) {
                management.addStream(StreamConfiguration.builder()
                        .name(subject.replaceAll("[^A-Za-z0-9_-]", "_")).subjects(subject).build());
            }
            JetStream jetStream = connection.jetStream();
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
            for (StoredMessage message : messages) {
                Headers natsHeaders = new Headers();
                message.headers().forEach(natsHeaders::put);
                acks.add(jetStream.publishAsync(subject, natsHeaders, message.body()));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot publish to " + subject + " at " + url(), e);
        }
    }

    /** Every message stored for the subject, oldest first, without consuming anything; empty when no stream has it. */
    @Override
    public List<StoredMessage> read(String subject) {
        List<StoredMessage> messages = new ArrayList<>();
        try (Connection connection = Nats.connect(url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            List<String> streams = management.getStreamNames(subject);
            if (streams.isEmpty()) {
                return messages;
            }
            List<Subject> subjects = management.getStreamInfo(streams.getFirst(), StreamInfoOptions.filterSubjects(subject))
                    .getStreamState().getSubjects();
            long count = subjects == null ? 0 : subjects.stream().filter(s -> s.getName().equals(subject))
                    .mapToLong(Subject::getCount).sum();
            if (count == 0) {
                return messages;
            }
            // An ordered push consumer streams them all without acknowledgements and leaves nothing behind.
            JetStreamSubscription subscription = connection.jetStream()
                    .subscribe(subject, PushSubscribeOptions.builder().ordered(true).build());
            while (messages.size() < count) {
                Message message = subscription.nextMessage(Duration.ofSeconds(10));
                if (message == null) {
                    throw new IllegalStateException("only " + messages.size() + " of " + count + " messages of " + subject);
                }
                Map<String, String> headers = new HashMap<>();
                if (message.getHeaders() != null) {
                    message.getHeaders().entrySet().forEach(e -> headers.put(e.getKey(), String.join(",", e.getValue())));
                }
                messages.add(new StoredMessage(message.getData() == null ? new byte[0] : message.getData(), headers));
            }
            subscription.unsubscribe();
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
