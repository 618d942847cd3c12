package io.fissile.server;

import io.fissile.server.command.ServerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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
    void anUnreadableKubeconfigIsNamed() {
        Run run = server("--kubernetes", "--data-dir", dir.toString(), "--kubeconfig", dir.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--kubeconfig: cannot read " + dir.resolve("missing"));
    }
}
