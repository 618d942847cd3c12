package io.fissile.bench.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding the programs the benchmarks run, and asking them what they are. */
public final class Tools {
    private Tools() {
    }

    /** The executable named {@code name} on the PATH. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/sbin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The first line a short command prints (on either stream), or "unknown". */
    public static String firstLine(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            process.waitFor(10, TimeUnit.SECONDS);
            String text = new String(output, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "unknown" : text.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
