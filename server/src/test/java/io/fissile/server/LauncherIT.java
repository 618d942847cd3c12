package io.fissile.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise, through the real {@code ./fissile} launcher and the packaged jars: it finds
 * a JDK 21+ by itself, runs the server, and the CLI talks to it.
 */
class LauncherIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern READY = Pattern.compile("controller API at (http://\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void fissileServerRunsAndTheCliTalksToIt() throws Exception {
        Process server = launcher(Map.of(), "server", "--data-dir", dataDir.toString(), "--api-port", "0", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            String url = awaitReady(server);

            Result created = run(Map.of("FISSILE_URL", url), "env", "create", "--name", "python", "--image", "fission/python-env");
            assertThat(created.exitCode()).as(created.output()).isZero();
            Result listed = run(Map.of("FISSILE_URL", url), "env", "list");
            assertThat(listed.output()).contains("python", "fission/python-env");
            Result version = run(Map.of("FISSILE_URL", url), "version");
            assertThat(version.output()).contains("0.1.0");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingServerIsReportedWithItsAddress() throws Exception {
        Result result = run(Map.of("FISSILE_URL", "http://127.0.0.1:1"), "fn", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("http://127.0.0.1:1");
    }

    record Result(int exitCode, String output) {
    }

    private static ProcessBuilder launcher(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("fissile").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
        builder.environment().putAll(environment);
        return builder;
    }

    private static Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process process = launcher(environment, args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String awaitReady(Process server) throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) ready.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the server ended
            }
            ready.completeExceptionally(new IllegalStateException("server ended:\n" + seen));
        });
        return ready.get(120, TimeUnit.SECONDS);
    }
}
