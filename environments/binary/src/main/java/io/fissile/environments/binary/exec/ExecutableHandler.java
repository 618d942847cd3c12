package io.fissile.environments.binary.exec;

import io.fissile.environments.jvm.http.HttpExchange;
import io.fissile.environments.jvm.http.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Runs the executable once per request: the request body streams to its stdin, its stdout streams
 * back as a 200 response, and a non-zero exit becomes a 500 with the end of its stderr.
 *
 * <p>The response is held back (see {@link OutputSpool}) until the request body has been read
 * whole and the output passes 64 KiB, or the process ends. Holding back until the body is read
 * keeps clients that send their whole body before reading from deadlocking; waiting for the end
 * of small outputs lets a failing process still answer 500. A process that fails after its output
 * began streaming can only be reported by cutting the connection, which the client sees as an
 * incomplete response.
 */
final class ExecutableHandler implements HttpHandler {

    private static final int HOLD_BACK = 64 * 1024;
    private static final Map<String, List<String>> NO_HEADERS = Map.of();

    private final LaunchCommand launch;
    private final Map<String, String> functionVariables;
    private final String path;

    ExecutableHandler(LaunchCommand launch, Map<String, String> functionVariables, String path) {
        this.launch = launch;
        this.functionVariables = functionVariables;
        this.path = path;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDirectory().toFile());
            builder.environment().putAll(functionVariables);
            CgiEnvironment.fill(builder.environment(), exchange, path);
            process = builder.start();
        } catch (IOException | IllegalArgumentException e) {
            exchange.respondText(500, "cannot start " + launch.executable() + ": " + e.getMessage() + "\n");
            return;
        }
        // Pipe I/O blocks a carrier thread; platform threads leave the virtual-thread scheduler alone.
        StdinFeeder feeder = new StdinFeeder(exchange.body(), process.getOutputStream());
        StderrRelay stderr = new StderrRelay(process.getErrorStream(), System.err);
        Thread feeding = Thread.ofPlatform().daemon().name("stdin-feeder").start(feeder);
        Thread relaying = Thread.ofPlatform().daemon().name("stderr-relay").start(stderr);
        try {
            serve(exchange, process, feeding, feeder, relaying, stderr);
        } catch (IOException | InterruptedException e) {
            // The client went away, or the connection broke: stop the process and drop the connection,
            // whose closing also ends the feeder.
            process.destroyForcibly();
            exchange.abort();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve(HttpExchange exchange, Process process, Thread feeding, StdinFeeder feeder,
                       Thread relaying, StderrRelay stderr) throws IOException, InterruptedException {
        try (OutputSpool spool = new OutputSpool(HOLD_BACK); InputStream stdout = process.getInputStream()) {
            OutputStream client = null;
            byte[] buffer = new byte[32 * 1024];
            int read;
            while ((read = stdout.read(buffer)) >= 0) {
                if (client != null) {
                    client.write(buffer, 0, read);
                    client.flush();
                    continue;
                }
                spool.write(buffer, 0, read);
                if (spool.size() > HOLD_BACK && !feeding.isAlive()) {
                    client = exchange.respondStreaming(200, NO_HEADERS);
                    spool.replayTo(client);
                    client.flush();
                }
            }
            feeding.join();
            int status = process.waitFor();
            relaying.join();
            if (feeder.bodyFailure() != null) {
                exchange.abort(); // the client went away mid-body: nobody is left to answer
            } else if (status != 0) {
                fail(exchange, client, status, stderr);
            } else if (client != null) {
                client.close();
            } else if (spool.inMemory()) {
                exchange.respond(200, NO_HEADERS, spool.bytes());
            } else {
                try (OutputStream rest = exchange.respondStreaming(200, NO_HEADERS)) {
                    spool.replayTo(rest);
                }
            }
        }
    }

    private void fail(HttpExchange exchange, OutputStream client, int status, StderrRelay stderr) throws IOException {
        String message = launch.executable() + " exited with status " + status;
        if (client != null) {
            System.err.println(message + " after its output began; the response is cut short");
            exchange.abort();
            return;
        }
        String tail = stderr.tail();
        exchange.respondText(500, message + (tail.isEmpty() ? "" : ":\n" + tail) + "\n");
    }
}
