package io.fissile.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --kube-context and --kubeconfig: without --server or FISSILE_URL the CLI reaches the controller
 * through the cluster they select; with either, those win and Kubernetes is never asked.
 */
class KubernetesFlagsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    /** A kubeconfig with one context, "lab", whose API server is a port nothing listens on. */
    private Path kubeconfigOfAnUnreachableCluster() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster:
                    server: https://127.0.0.1:%d
                    insecure-skip-tls-verify: true
                users:
                - name: lab
                  user:
                    token: not-a-real-token
                contexts:
                - name: lab
                  context:
                    cluster: lab
                    user: lab
                current-context: lab
                """.formatted(closedPort));
        return file;
    }

    @Test
    void theControllerIsSoughtInTheClusterAndAFailureSaysWhereAndWhatElseToDo() throws IOException {
        Path kubeconfig = kubeconfigOfAnUnreachableCluster();

        Cli.Run run = new Cli("", dir).run("env", "list", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the Fissile controller through the service fissile/controller"
                        + " in Kubernetes context (the current one)")
                .contains("Else set --server URL or FISSILE_URL.");
    }

    @Test
    void aContextTheKubeconfigDoesNotHaveIsNamed() throws IOException {
        Path kubeconfig = kubeconfigOfAnUnreachableCluster();

        Cli.Run run = new Cli("", dir).run("fn", "list", "--kubeconfig", kubeconfig.toString(), "--kube-context", "prod");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--kube-context: no context \"prod\" in " + kubeconfig);
    }

    @Test
    void anUnreadableKubeconfigIsNamed() {
        Cli.Run run = new Cli("", dir).run("env", "list", "--kubeconfig", "nowhere/config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--kubeconfig: cannot read " + dir.resolve("nowhere/config"));
    }

    @Test
    void serverFlagAndFissileUrlWinOverTheKubeContext() throws IOException {
        Path kubeconfig = kubeconfigOfAnUnreachableCluster();
        new Cli(server, dir).ok("env", "create", "--name", "nodejs", "--image", "fission/node-env");

        String viaEnvironment = new Cli(server, dir).ok("env", "list", "--kubeconfig", kubeconfig.toString(), "--kube-context", "lab");
        String viaFlag = new Cli("", dir).ok("env", "list", "--server", server.url(),
                "--kubeconfig", kubeconfig.toString(), "--kube-context", "lab");

        assertThat(viaEnvironment).contains("nodejs");
        assertThat(viaFlag).contains("nodejs");
    }

    @Test
    void commandsThatNeedNoControllerNeverAskTheCluster() throws IOException {
        Path kubeconfig = kubeconfigOfAnUnreachableCluster();

        Cli.Run run = new Cli("", dir).run("--kubeconfig", kubeconfig.toString(), "spec", "init",
                "--specdir", dir.resolve("specs").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("specs")).isDirectory();
    }
}
