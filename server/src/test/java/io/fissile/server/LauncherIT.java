package io.fissile.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise, through the real {@code ./fissile} launcher and the packaged jars: it finds
 * a JDK 21+ by itself, runs the server, and the CLI talks to it.
 */
class LauncherIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path dataDir;

    @Test
    void fissileServerRunsAndTheCliTalksToIt() throws Exception {
        try (ServerProcess server = ServerProcess.launch(launcher(Map.of(),
                ServerProcess.serverArguments(dataDir).toArray(String[]::new)))) {
            String url = server.apiUrl().toString();

            Result created = run(Map.of("FISSILE_URL", url), "env", "create", "--name", "python", "--image", "fission/python-env");
            assertThat(created.exitCode()).as(created.output()).isZero();
            Result listed = run(Map.of("FISSILE_URL", url), "env", "list");
            assertThat(listed.output()).contains("python", "fission/python-env");
            Result version = run(Map.of("FISSILE_URL", url), "version");
            assertThat(version.output()).contains("0.1.0");
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
}
