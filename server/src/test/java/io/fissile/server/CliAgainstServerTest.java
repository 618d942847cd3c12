package io.fissile.server;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a user runs it, against a real server process, through the README's steps. */
class CliAgainstServerTest {
    @TempDir
    static Path dataDir;
    @TempDir
    Path work;

    static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start(dataDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    ServerProcess.CliResult fissile(String... args) {
        return server.cli(work, args);
    }

    @Test
    void environmentPackageAndFunctionFromTheCommandLine() throws IOException {
        Path code = Files.writeString(work.resolve("hello.js"), "module.exports = async () => ({status: 200, body: 'hi'});\n");

        assertThat(fissile("env", "create", "--name", "node", "--image", "fission/node-env").exitCode()).isZero();
        ServerProcess.CliResult created = fissile("fn", "create", "--name", "hi", "--env", "node", "--code", code.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("function 'hi' created");

        assertThat(fissile("fn", "list").out()).containsPattern("(?m)^hi\\s+node\\s+poolmgr");
        assertThat(fissile("fn", "get", "--name", "hi").out()).contains("module.exports");
        assertThat(fissile("pkg", "list").out()).contains("hi-");

        ServerProcess.CliResult missing = fissile("fn", "create", "--name", "Bad_Name", "--env", "node", "--code", code.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("metadata.name");
    }

    @Test
    void aFissionSpecDirectoryAppliesUnchangedAndReappliesAsANoOp() throws Exception {
        Path project = copyOfHelloSpec();
        String specs = project.resolve("specs").toString();

        ServerProcess.CliResult first = fissile("spec", "apply", "--specdir", specs);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("created");

        ControllerClient client = server.client();
        Function hello = client.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        assertThat(hello.metadata().annotation("fission-uid")).isEqualTo("3f1d6a0e-5b7c-4e0a-9c1e-2a4b6c8d0e12");
        assertThat(client.get(Kinds.PACKAGE, "default", "hello-5d1c").orElseThrow().spec().deployment().literal())
                .asString(StandardCharsets.UTF_8).contains("hello, world!");
        String versionAfterFirst = client.list(Kinds.FUNCTION, null, null).resourceVersion();

        ServerProcess.CliResult second = fissile("spec", "apply", "--specdir", specs);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("created").doesNotContain("updated");
        assertThat(client.list(Kinds.FUNCTION, null, null).resourceVersion()).isEqualTo(versionAfterFirst);

        Files.delete(project.resolve("specs/route-hello.yaml"));
        ServerProcess.CliResult pruned = fissile("spec", "apply", "--specdir", specs, "--delete");
        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(client.get(Kinds.HTTP_TRIGGER, "default", "hello-route")).isEmpty();
        assertThat(client.get(Kinds.FUNCTION, "default", "hello")).isPresent();
    }

    private Path copyOfHelloSpec() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/hello-spec").toURI());
        Path target = work.resolve("hello-spec");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(copy);
                else Files.copy(file, copy);
            }
        }
        return target;
    }
}
