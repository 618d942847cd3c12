package io.fissile.triggers.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code rabbitmq-server} as a node of its own: unique node name, 127.0.0.1 with free AMQP,
 * distribution and CLI ports, its own epmd on a free port, data, logs and Erlang cookie in a temp
 * directory, no plugins and no config file. {@link #stop()} and {@link #start()} restart it with
 * the same data (durable queues survive); {@link #close()} ends every process it started and
 * deletes the directory. Skips the test when the package is not installed.
 */
public final class RabbitMqServer implements TestBroker {
    private static final String LIB_BIN = "/usr/lib/rabbitmq/bin/";
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path serverScript;
    private final Path ctlScript;
    private final Path epmdBinary;
    private final Path dir;
    private final int amqpPort;
    private final int distPort;
    private final int ctlPort;
    private final int epmdPort;
    private final String node;
    private final Thread shutdownHook;
    private Process epmd;
    private Process server;

    private RabbitMqServer(Path serverScript, Path ctlScript, Path epmdBinary, Path dir) {
        this.serverScript = serverScript;
        this.ctlScript = ctlScript;
        this.epmdBinary = epmdBinary;
        this.dir = dir;
        this.amqpPort = LocalServerProcess.freePort();
        this.distPort = LocalServerProcess.freePort();
        this.ctlPort = LocalServerProcess.freePort();
        this.epmdPort = LocalServerProcess.freePort();
        this.node = "fissile-test-" + amqpPort + "@localhost";
        this.shutdownHook = new Thread(this::stop, "rabbitmq-stop-" + amqpPort);
    }

    /** Starts a new node; skips the calling test when rabbitmq-server is missing. */
    public static RabbitMqServer start(String name) {
        Path serverScript = LocalServerProcess.requireBinary("rabbitmq-server", LIB_BIN + "rabbitmq-server");
        Path ctlScript = LocalServerProcess.requireBinary("rabbitmq-server", LIB_BIN + "rabbitmqctl");
        Path epmdBinary = LocalServerProcess.requireBinary("erlang-base", "/usr/bin/epmd", "/usr/lib/erlang/bin/epmd");
        try {
            Path dir = Files.createTempDirectory("fissile-rabbitmq-" + name + "-");
            for (String sub : List.of("home", "mnesia", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            // An empty plugin list keeps the management plugin (and its HTTP port) off.
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
            RabbitMqServer server = new RabbitMqServer(serverScript, ctlScript, epmdBinary, dir);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (Re)starts the node (and its epmd); a no-op when it runs. */
    public synchronized void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        Path epmdLog = dir.resolve("epmd.log");
        Path serverLog = dir.resolve("rabbitmq-server.log");
        try {
            if (epmd == null || !epmd.isAlive()) {
                epmd = process(List.of(epmdBinary.toString(), "-port", String.valueOf(epmdPort),
                        "-address", "127.0.0.1"), epmdLog);
                LocalServerProcess.await("epmd on port " + epmdPort, epmd, epmdLog, Duration.ofSeconds(10),
                        () -> LocalServerProcess.accepts(epmdPort));
            }
            Files.deleteIfExists(serverLog);
            server = process(List.of(serverScript.toString()), serverLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalServerProcess.await("rabbitmq-server node " + node, server, serverLog, START_LIMIT, this::acceptsAmqp);
    }

    /** Stops the node (rabbitmqctl stop, then its process tree) and its epmd, keeping the data. */
    public synchronized void stop() {
        if (server != null && server.isAlive()) {
            try {
                runCtl(Duration.ofSeconds(30), "stop");
            } catch (RuntimeException e) {
                // The process tree is ended below regardless.
            }
        }
        LocalServerProcess.stopTree(server, Duration.ofSeconds(10));
        server = null;
        LocalServerProcess.stopTree(epmd, Duration.ofSeconds(5));
        epmd = null;
    }

    /** Closes every client connection from the server side, as a network loss or broker restart would. */
    public void closeAllConnections() {
        runCtl(Duration.ofSeconds(60), "close_all_connections", "closed by test");
    }

    /** An AMQP URI with the default guest user, which RabbitMQ allows from loopback only. */
    public String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + amqpPort;
    }

    public int port() {
        return amqpPort;
    }

    /**
     * Publishes persistent messages in order to a durable queue (declared when missing) and waits until the
     * broker has confirmed them all.
     */
    @Override
    public void publishAll(String queue, List<StoredMessage> messages) {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
            channel.confirmSelect();
            for (StoredMessage message : messages) {
                channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2)
                        .headers(new HashMap<>(message.headers())).build(), message.body());
            }
            channel.waitForConfirmsOrDie(60_000);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + queue + " at " + amqpUri(), e);
        }
    }

    /**
     * Every message ready in the queue, oldest first, without consuming them: they are taken
     * unacknowledged and go back, in their places, when the channel closes. Empty when the queue does not exist.
     */
    @Override
    public List<StoredMessage> read(String queue) {
        try (Connection connection = connect()) {
            Channel channel = connection.createChannel();
            int ready;
            try {
                ready = channel.queueDeclarePassive(queue).getMessageCount();
            } catch (IOException missing) {
                return List.of();
            }
            BlockingQueue<StoredMessage> received = new LinkedBlockingQueue<>();
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    Map<String, String> headers = new HashMap<>();
                    if (props.getHeaders() != null) {
                        props.getHeaders().forEach((key, value) -> headers.put(key, String.valueOf(value)));
                    }
                    if (props.getContentType() != null) {
                        headers.put("content-type", props.getContentType());
                    }
                    received.add(new StoredMessage(body, headers));
                }
            });
            List<StoredMessage> messages = new ArrayList<>();
            while (messages.size() < ready) {
                StoredMessage message = received.poll(10, TimeUnit.SECONDS);
                if (message == null) {
                    throw new IllegalStateException("only " + messages.size() + " of " + ready + " messages of " + queue);
                }
                messages.add(message);
            }
            return messages;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + queue + " at " + amqpUri(), e);
        }
    }

    private Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri());
        return factory.newConnection("fissile-test");
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

    private boolean acceptsAmqp() {
        if (!LocalServerProcess.accepts(amqpPort)) {
            return false;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setConnectionTimeout(2000);
        try {
            factory.setUri(amqpUri());
            factory.newConnection().close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void runCtl(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(ctlScript.toString(), "-n", node));
        command.addAll(List.of(args));
        Path log = dir.resolve("rabbitmqctl.log");
        try {
            Process ctl = process(command, log);
            if (!ctl.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                LocalServerProcess.stopTree(ctl, Duration.ofSeconds(2));
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " took over " + limit);
            }
            if (ctl.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed:\n"
                        + LocalServerProcess.tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Process process(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.resolve("home").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("no-config/rabbitmq").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("no-config/advanced.config").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", String.valueOf(amqpPort));
        env.put("RABBITMQ_DIST_PORT", String.valueOf(distPort));
        env.put("RABBITMQ_CTL_DIST_PORT_MIN", String.valueOf(ctlPort));
        env.put("RABBITMQ_CTL_DIST_PORT_MAX", String.valueOf(ctlPort));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        env.put("ERL_EPMD_PORT", String.valueOf(epmdPort));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        return builder.start();
    }
}
