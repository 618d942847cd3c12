package io.fissile.bench.platform;

import io.fissile.bench.BenchFailure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** nginx in the foreground, configured by {@link NginxConfig}, on a free loopback port. */
public final class Nginx {
    private static final long START_TIMEOUT_MILLIS = 15_000;

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param workers worker processes: as many as the router has event loops, for a like-for-like comparison */
    public static Nginx start(ChildProcesses children, Path executable, Path directory, int workers, int upstreamPort,
                              String namespace, String function)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = FreePort.pick();
        Path config = Files.writeString(directory.resolve("nginx.conf"), NginxConfig.render(directory, workers, port, upstreamPort, namespace, function));
        Path errorLog = directory.resolve("error.log");
        Process process = children.start("nginx", new ProcessBuilder(executable.toString(), "-p", directory.toString(),
                "-e", errorLog.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.log").toFile()));
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                ChildProcesses.stop(process);
                throw new BenchFailure("nginx did not start on 127.0.0.1:" + port + "; " + errorLog + " says:\n"
                        + tail(errorLog) + tail(directory.resolve("output.log")));
            }
            Thread.sleep(20);
        }
        return new Nginx(process, port);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public void stop() {
        ChildProcesses.stop(process);
    }

    /** The first line of {@code nginx -v}, e.g. {@code nginx version: nginx/1.22.1}. */
    public static String version(Path executable) {
        return Tools.firstLine(List.of(executable.toString(), "-v"));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")\n";
        }
    }
}
