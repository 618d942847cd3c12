package io.fissile.bench.wrk;

import io.fissile.bench.BenchFailure;
import io.fissile.bench.platform.ChildProcesses;
import io.fissile.bench.platform.Tools;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code wrk --latency} and reads its figures; each run's output is kept in the work directory. */
public final class Wrk {
    /** A request slower than this counts as a timeout error instead of stretching the latencies. */
    private static final String REQUEST_TIMEOUT = "10s";
    private static final long EXIT_PATIENCE_SECONDS = 60;

    private final Path executable;
    private final ChildProcesses children;
    private final Path outputDirectory;
    private final AtomicInteger runs = new AtomicInteger();

    public Wrk(Path executable, ChildProcesses children, Path outputDirectory) {
        this.executable = executable;
        this.children = children;
        this.outputDirectory = outputDirectory;
    }

    public WrkResult run(String label, URI url, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        Files.createDirectories(outputDirectory);
        Path output = outputDirectory.resolve("%02d-%s.txt".formatted(runs.incrementAndGet(), label));
        List<String> command = List.of(executable.toString(), "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", REQUEST_TIMEOUT, "--latency", url.toString());
        Process process = children.start("wrk", new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()));
        if (!process.waitFor(duration.toSeconds() + EXIT_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            ChildProcesses.stop(process);
            throw new BenchFailure("wrk did not finish: " + String.join(" ", command));
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new BenchFailure("wrk failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + text);
        }
        try {
            return WrkOutput.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BenchFailure("cannot read the output of " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** The first line of {@code wrk -v}, e.g. {@code wrk debian/4.1.0-3+b2 [epoll] ...}. */
    public static String version(Path executable) {
        String line = Tools.firstLine(List.of(executable.toString(), "-v"));
        int copyright = line.indexOf(" Copyright");
        return copyright > 0 ? line.substring(0, copyright) : line;
    }
}
