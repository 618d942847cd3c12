package io.fissile.router;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * plain-instance.js run by node as a plain process (no runtime, no specialization): an instance
 * that streams, holds, dies and speaks WebSocket on request. See the script for its paths.
 */
final class PlainInstance {

    private PlainInstance() {
    }

    /** Starts one; the test is skipped when node is not installed. */
    static ListeningProcess start() {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "missing Debian package: nodejs");
        ProcessBuilder builder = new ProcessBuilder(node.get().toString(), script("plain-instance.js").toString());
        builder.environment().put("PORT", "0");
        return ListeningProcess.start(builder);
    }

    static Optional<Path> onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** One of the scripts beside this class in the test resources. */
    static Path script(String name) {
        try {
            return Path.of(PlainInstance.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
