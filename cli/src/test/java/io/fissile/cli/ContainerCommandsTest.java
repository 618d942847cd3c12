package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.Container;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerCommandsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(server, dir);
    }

    private Function function(String name) {
        return server.client().get(Kinds.FUNCTION, "default", name).orElseThrow();
    }

    @Test
    void runContainerWritesFissionsContainerFunctionWithTheCommandToRun() {
        String out = cli.ok("fn", "run-container", "--name", "web", "--command", "python3 -m http.server", "--port", "8080",
                "--args", "--bind 127.0.0.1", "--env", "MODE=fast", "--maxscale", "3");

        assertThat(out).isEqualTo("function 'web' created\n");
        Function fn = function("web");
        assertThat(Codec.toJson(fn.spec())).isEqualTo(Codec.toJson(Codec.fromYaml("""
                env: [{name: MODE, value: fast}]
                InvokeStrategy:
                  ExecutionStrategy: {ExecutorType: container, MinScale: 1, MaxScale: 3, SpecializationTimeout: 120}
                  StrategyType: execution
                functionTimeout: 60
                idletimeout: 120
                podspec:
                  containers:
                  - name: web
                    command: [python3, -m, http.server]
                    args: [--bind, 127.0.0.1]
                    ports: [{name: http-env, containerPort: 8080}]
                """, FunctionSpec.class)));
    }

    @Test
    void anImageAloneIsEnoughAndThePortDefaultsToFissions() {
        cli.ok("fn", "runc", "--name", "img", "--image", "ghcr.io/example/web:1");

        Container container = function("img").spec().podSpec().onlyContainer();
        assertThat(container.image()).isEqualTo("ghcr.io/example/web:1");
        assertThat(container.command()).isNull();
        assertThat(container.servingPort()).isEqualTo(8888);
    }

    @Test
    void neitherCommandNorImageIsRefusedAndNothingIsCreated() {
        Cli.Run run = cli.run("fn", "run-container", "--name", "nothing", "--port", "8080");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("need --command (the program to run) or --image");
        assertThat(server.client().get(Kinds.FUNCTION, "default", "nothing")).isEmpty();
    }

    @Test
    void aBadPortIsReportedWithItsFlag() {
        Cli.Run run = cli.run("fn", "run-container", "--name", "badport", "--command", "./serve", "--port", "70000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("spec.podspec.containers[0].ports[0].containerPort (--port): must be between 1 and 65535, not 70000");
        assertThat(server.client().get(Kinds.FUNCTION, "default", "badport")).isEmpty();
    }

    @Test
    void anExistingFunctionIsNotReplaced() {
        cli.ok("fn", "run-container", "--name", "twice", "--command", "./serve");

        Cli.Run again = cli.run("fn", "run-container", "--name", "twice", "--command", "./other");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("function 'twice' already exists");
        assertThat(function("twice").spec().podSpec().onlyContainer().command()).containsExactly("./serve");
    }

    @Test
    void updateContainerChangesOnlyWhatIsGiven() {
        cli.ok("fn", "run-container", "--name", "changing", "--command", "./serve v1", "--port", "8080", "--env", "A=1",
                "--minscale", "2", "--maxscale", "4");

        String out = cli.ok("fn", "update-container", "--name", "changing", "--command", "./serve v2", "--env", "B=2", "--maxscale", "5");

        assertThat(out).isEqualTo("function 'changing' updated\n");
        Function fn = function("changing");
        Container container = fn.spec().podSpec().onlyContainer();
        assertThat(container.command()).containsExactly("./serve", "v2");
        assertThat(container.servingPort()).isEqualTo(8080);
        assertThat(fn.spec().environmentVariables()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(fn.spec().executionStrategy().minScale()).isEqualTo(2);
        assertThat(fn.spec().executionStrategy().maxScale()).isEqualTo(5);

        cli.ok("fn", "updatec", "--name", "changing", "--port", "9090");
        assertThat(function("changing").spec().podSpec().onlyContainer().servingPort()).isEqualTo(9090);
    }

    @Test
    void updateContainerRefusesAFunctionOfAnotherExecutorType() throws IOException {
        cli.ok("fn", "create", "--name", "pooled", "--env", "nodejs", "--code", write("hello.js", "module.exports = () => 'hi';\n"));

        Cli.Run run = cli.run("fn", "update-container", "--name", "pooled", "--command", "./serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("function 'pooled' has executor type poolmgr, not container");
    }

    @Test
    void scaleBoundsAreChecked() {
        Cli.Run run = cli.run("fn", "run-container", "--name", "scale", "--command", "./serve", "--minscale", "3", "--maxscale", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--minscale (3) cannot be greater than --maxscale (2)");
    }

    @Test
    void dryPrintsTheFunctionWithoutCreatingIt() {
        String out = cli.ok("fn", "run-container", "--name", "drycontainer", "--command", "./serve", "--dry");

        Function printed = Codec.readResource(out, Kinds.FUNCTION);
        assertThat(printed.spec().podSpec().onlyContainer().command()).containsExactly("./serve");
        assertThat(server.client().get(Kinds.FUNCTION, "default", "drycontainer")).isEmpty();
    }

    private String write(String file, String content) throws IOException {
        return Files.writeString(dir.resolve(file), content).toString();
    }
}
