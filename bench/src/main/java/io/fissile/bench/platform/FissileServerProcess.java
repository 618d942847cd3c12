package io.fissile.bench.platform;

import io.fissile.bench.BenchFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fissile server} in its own JVM, run from the jars of a server build, on free ports and its
 * own data directory. Its output goes to a log file; the last lines are kept for error messages.
 */
public final class FissileServerProcess {
    /** The line the server prints once everything listens. */
    private static final Pattern READY = Pattern.compile("router at (http://\\S+) .*controller API at (http://\\S+)");
    /** The router's start-up log line, which says how many event loops serve requests. */
    private static final Pattern EVENT_LOOPS = Pattern.compile("router listening on \\S+ with (\\d+) event loops");
    private static final int KEPT_LINES = 40;
    private static final long START_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final URI routerUrl;
    private final URI apiUrl;
    private final Path dataDirectory;
    private final Path logFile;
    private final Deque<String> lastLines;
    private final int eventLoops;

    private FissileServerProcess(Process process, Started started, Path dataDirectory, Path logFile, Deque<String> lastLines) {
        this.process = process;
        this.routerUrl = started.routerUrl();
        this.apiUrl = started.apiUrl();
        this.eventLoops = started.eventLoops();
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.lastLines = lastLines;
    }

    /**
     * @param libDirectory the server's jars ({@code server/target/fissile/lib} or a copy of it)
     */
    public static FissileServerProcess start(ChildProcesses children, Path libDirectory, Path dataDirectory, Path logFile)
            throws IOException {
        if (!Files.isRegularFile(libDirectory.resolve("fissile-server.jar"))) {
            throw new BenchFailure("no fissile-server.jar in " + libDirectory + ": build the server first "
                    + "(mvn -q -DskipTests -pl server -am package)");
        }
        List<String> command = List.of(Java.current(), "--enable-native-access=ALL-UNNAMED",
                "-cp", libDirectory.resolve("*").toString(), "io.fissile.server.Main",
                "server", "--data-dir", dataDirectory.toString(), "--port", "0", "--api-port", "0");
        Process process = children.start("fissile-server", new ProcessBuilder(command).redirectErrorStream(true));
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Started> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("fissile-server-output").start(() -> copyOutput(process, logFile, lastLines, ready));
        try {
            return new FissileServerProcess(process, ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), dataDirectory,
                    logFile, lastLines);
        } catch (Exception e) {
            ChildProcesses.stop(process);
            throw new BenchFailure("the Fissile server did not start (" + e.getMessage() + "); its last lines:\n"
                    + String.join("\n", snapshot(lastLines)), e);
        }
    }

    /** What the server's start-up output tells: its addresses, and the router's event loops (0 if it did not say). */
    private record Started(URI routerUrl, URI apiUrl, int eventLoops) {
    }

    private static void copyOutput(Process process, Path logFile, Deque<String> lastLines, CompletableFuture<Started> ready) {
        int eventLoops = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            for (String line; (line = reader.readLine()) != null; ) {
                log.println(line);
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) lastLines.removeFirst();
                    lastLines.addLast(line);
                }
                Matcher loops = EVENT_LOOPS.matcher(line);
                if (loops.find()) eventLoops = Integer.parseInt(loops.group(1));
                Matcher m = READY.matcher(line);
                if (m.find()) ready.complete(new Started(URI.create(m.group(1)), URI.create(m.group(2)), eventLoops));
            }
        } catch (IOException ignored) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("the server exited with " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "code " + process.exitValue() : "no exit code yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an unknown code";
        }
    }

    public URI routerUrl() {
        return routerUrl;
    }

    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * The router's event loops, as its start-up log says; when the log level hides that line, the
     * router's default, one per core of this machine.
     */
    public int eventLoops() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The server's most recent output lines, for an error message. */
    public List<String> lastLines() {
        return snapshot(lastLines);
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
