package io.fissile.spec;

import io.fissile.client.ControllerClient;
import io.fissile.spec.internal.DnsLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {
    @TempDir
    Path tmp;

    /** No subcommand here needs a server. */
    private RunningController.Run spec(String... args) {
        return RunningController.Run.of(new SpecCommand(() -> new ControllerClient(URI.create("http://127.0.0.1:1"))), args);
    }

    @Test
    void writesTheDeploymentConfigAndAReadme() throws Exception {
        Path specs = tmp.resolve("specs");

        RunningController.Run run = spec("init", "--specdir", specs.toString(), "--name", "shop", "--deployid", "d3adb33f");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("shop", "d3adb33f");
        SpecSet read = SpecReader.read(specs);
        assertThat(read.problems()).isEmpty();
        assertThat(read.deployment().name()).isEqualTo("shop");
        assertThat(read.deployment().uid()).isEqualTo("d3adb33f");
        assertThat(read.deploymentConfig().orElseThrow().location().file()).endsWith("fission-deployment-config.yaml");
        assertThat(Files.readString(specs.resolve("fission-deployment-config.yaml")))
                .contains("apiVersion: fission.io/v1", "kind: DeploymentConfig", "name: shop", "uid: d3adb33f");
        assertThat(Files.readString(specs.resolve("README"))).contains("spec apply");
    }

    @Test
    void namesTheDeploymentAfterTheCurrentDirectoryWithARandomUid() {
        Path specs = tmp.resolve("specs");

        assertThat(spec("init", "--specdir", specs.toString()).exitCode()).isZero();

        String cwd = Path.of("").toAbsolutePath().getFileName().toString();
        SpecSet read = SpecReader.read(specs);
        assertThat(read.deployment().name()).isEqualTo(DnsLabels.of(cwd));
        assertThat(read.deployment().uid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void refusesToInitialiseTwice() {
        Path specs = tmp.resolve("specs");
        assertThat(spec("init", "--specdir", specs.toString(), "--deployid", "first").exitCode()).isZero();

        RunningController.Run again = spec("init", "--specdir", specs.toString(), "--deployid", "second");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(SpecReader.read(specs).deployment().uid()).isEqualTo("first");
    }

    @Test
    void refusesANameThatIsNoDnsLabel() {
        RunningController.Run run = spec("init", "--specdir", tmp.resolve("specs").toString(), "--name", "My Shop");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("name").contains("DNS-1123");
        assertThat(tmp.resolve("specs")).doesNotExist();
    }

    @Test
    void directoryNamesBecomeDnsLabels() {
        assertThat(DnsLabels.of("My_Project.v2")).isEqualTo("my-project-v2");
        assertThat(DnsLabels.of("2024-shop")).isEqualTo("shop");
        assertThat(DnsLabels.of("___")).isEqualTo("default");
        assertThat(DnsLabels.of("a".repeat(62) + "-b")).hasSize(62);
    }
}
