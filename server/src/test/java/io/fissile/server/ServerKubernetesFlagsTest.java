package io.fissile.server;

import io.fissile.server.command.ServerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fissile server --kubernetes}: wrong cluster flags are refused before anything starts. */
class ServerKubernetesFlagsTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private Run server(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ServerCommand()).setErr(new PrintWriter(err, true));
        return new Run(command.execute(args), err.toString());
    }

    @Test
    void clusterFlagsWithoutKubernetesModeAreRefused() {
        Run run = server("--data-dir", dir.toString(), "--kube-context", "lab");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--kubeconfig and --kube-context go with --kubernetes");
    }

    @Test
    void theHelmChartsSettingsComeFromTheEnvironment() throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: lab, cluster: {server: "https://127.0.0.1:6443"}}]
                users: [{name: me, user: {token: t}}]
                contexts: [{name: lab, context: {cluster: lab, user: me}}]
                current-context: lab
                """);

        KubernetesMode chart = KubernetesMode.fromEnvironment(kubeconfig, null, Map.of(
                "FISSILE_CONTROLLER_URL", "http://controller.platform.svc:8889",
                "FISSILE_IMAGE_PREFIX", "registry.example/team", "FISSILE_IMAGE_TAG", "1.2.3",
                "POD_NAMESPACE", "platform"));
        KubernetesMode bare = KubernetesMode.fromEnvironment(kubeconfig, "lab", Map.of("FISSILE_IMAGE_TAG", ""));

        assertThat(chart.controllerUrl()).isEqualTo("http://controller.platform.svc:8889");
        assertThat(chart.images().platform()).isEqualTo("registry.example/team/fissile:1.2.3");
        assertThat(chart.leaseNamespace()).isEqualTo("platform");
        assertThat(bare.controllerUrl()).isEqualTo("http://controller.fissile.svc:8889");
        assertThat(bare.leaseNamespace()).isEqualTo("fissile");
        assertThat(bare.images().prefix()).isEqualTo("fissile");
    }

    @Test
    void anUnreadableKubeconfigIsNamed() {
        Run run = server("--kubernetes", "--data-dir", dir.toString(), "--kubeconfig", dir.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--kubeconfig: cannot read " + dir.resolve("missing"));
    }
}
