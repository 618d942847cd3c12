package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.UserCommand;
import io.fissile.runtime.local.LocalRuntimeOptions.SandboxMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A container function's own program, run in place of a runtime: its port, its package, its sandbox. */
class UserCommandTest {

    /** Answers every request with what it was given: its port variable, working directory and a variable of the spec. */
    private static final String ECHO_SERVER = """
            const http = require('http');
            http.createServer((req, res) => res.end(JSON.stringify({
                port: process.env.PORT, cwd: process.cwd(), greeting: process.env.GREETING, argv: process.argv.slice(2)})))
              .listen(Number(process.env.PORT), process.env.HOST);
            """;

    @TempDir
    Path dataDir;

    @BeforeEach
    void requirePrograms() {
        DebianPackages.assumeInstalled("node", "nodejs");
        DebianPackages.assumeInstalled("python3", "python3");
    }

    private static InstanceSpec container(String name, UserCommand command) {
        return new InstanceSpec("default", name, "", Map.of("GREETING", "hi"), List.of(), 0, 0, command);
    }

    private static UserCommand.InitialFiles file(String name, String content) {
        return (userfunc, secrets, configs) -> Files.writeString(userfunc.resolve(name), content);
    }

    @Test
    void aProgramFromThePackageServesOnThePortItIsGivenInItsOwnUserfunc() throws Exception {
        DebianPackages.assumeInstalled("bwrap", "bubblewrap");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            UserCommand command = new UserCommand(List.of("node", "./server.js", "--port", "$(PORT)", "$$(PORT)"),
                    file("server.js", ECHO_SERVER));

            Instance instance = harness.start(container("echo", command));

            String port = Integer.toString(instance.address().getPort());
            assertThat(instance.id()).startsWith("echo-");
            assertThat(InstanceClient.get(instance, "/any/path").body()).isEqualTo("{\"port\":\"" + port
                    + "\",\"cwd\":\"/userfunc\",\"greeting\":\"hi\",\"argv\":[\"--port\",\"" + port + "\",\"$(PORT)\"]}");
            assertThat(instance.userfuncDir().resolve("server.js")).exists();
        }
    }

    @Test
    void aSystemProgramServesTheInstancesUserfuncAsItsWorkingDirectory() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            UserCommand command = new UserCommand(List.of("python3", "-m", "http.server", "$(PORT)", "--bind", "127.0.0.1"),
                    file("hello.txt", "hello from the package"));

            Instance instance = harness.start(container("files", command));

            assertThat(InstanceClient.get(instance, "/hello.txt").body()).isEqualTo("hello from the package");
        }
    }

    @Test
    void twoInstancesOfOneCommandEachGetAPortAndADirectoryOfTheirOwn() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            UserCommand command = new UserCommand(List.of("node", "./server.js"), file("server.js", ECHO_SERVER));

            Instance first = harness.start(container("twice", command));
            Instance second = harness.start(container("twice", command));

            assertThat(first.address().getPort()).isNotEqualTo(second.address().getPort());
            assertThat(first.userfuncDir()).isNotEqualTo(second.userfuncDir());
            assertThat(InstanceClient.get(second, "/").body()).contains("\"port\":\"" + second.address().getPort() + "\"");
        }
    }

    @Test
    void withoutASandboxTheProgramRunsInTheHostDirectoryOfItsPackage() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir, options -> options.withSandbox(SandboxMode.OFF))) {
            UserCommand command = new UserCommand(List.of("node", "server.js"), file("server.js", ECHO_SERVER));

            Instance instance = harness.start(container("host", command));

            assertThat(InstanceClient.get(instance, "/").body())
                    .contains("\"cwd\":\"" + instance.userfuncDir().toRealPath() + "\"");
        }
    }

    @Test
    void aProgramThatEndsAtOnceFailsTheStartWithItsOutput() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            UserCommand command = UserCommand.of(List.of("python3", "-c", "import sys; print('cannot serve: no config'); sys.exit(3)"));

            assertThatThrownBy(() -> harness.runtime.start(container("broken", command)).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(InstanceStartException.class)
                    .hasMessageContaining("of function broken (command python3)")
                    .hasMessageContaining("cannot serve: no config");
            assertThat(harness.runtime.instances()).isEmpty();
        }
    }

    @Test
    void aProgramListeningElsewhereIsStoppedWithAHintAtPort() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir, options -> options.withStartTimeout(Duration.ofSeconds(2)))) {
            UserCommand command = UserCommand.of(List.of("python3", "-c", "import time; print('listening on 8080'); time.sleep(60)"));

            assertThatThrownBy(() -> harness.runtime.start(container("elsewhere", command)).get(60, TimeUnit.SECONDS))
                    .cause().isInstanceOf(InstanceStartException.class)
                    .hasMessageContaining("the program must listen on the port in PORT");
        }
    }

    @Test
    void aMissingProgramFailsTheStart() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            UserCommand command = UserCommand.of(List.of("./not-in-the-package"));

            assertThatThrownBy(() -> harness.runtime.start(container("missing", command)).get(60, TimeUnit.SECONDS))
                    .cause().isInstanceOf(InstanceStartException.class);
        }
    }
}
