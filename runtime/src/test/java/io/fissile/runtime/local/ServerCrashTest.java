package io.fissile.runtime.local;

import io.fissile.runtime.local.LocalRuntimeOptions.SandboxMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Instances never outlive their server, even one killed with -9, and its restart cleans up after it. */
class ServerCrashTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(SandboxMode.class)
    void instancesDieWithAServerKilledHardAndTheRestartRemovesWhatTheyLeft(SandboxMode sandbox) throws Exception {
        DebianPackages.assumeInstalled("node", "nodejs");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerStandIn.class.getName(), dataDir.toString(), "fission/node-env", sandbox.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long instancePid = instancePid(server);
            assertThat(ProcessHandle.of(instancePid)).isPresent();

            server.destroyForcibly();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    ProcessHandle.of(instancePid).map(process -> !process.isAlive()).orElse(true));
            assertThat(dataDir.resolve("runtime/instances")).isNotEmptyDirectory();
            try (RuntimeHarness restarted = RuntimeHarness.create(dataDir)) {
                assertThat(dataDir.resolve("runtime/instances")).isEmptyDirectory();
                assertThat(restarted.runtime.instances()).isEmpty();
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private static long instancePid(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("instance-pid ")) return Long.parseLong(line.substring("instance-pid ".length()));
        }
        throw new AssertionError("the stand-in server ended before its instance started: " + server.waitFor());
    }
}
