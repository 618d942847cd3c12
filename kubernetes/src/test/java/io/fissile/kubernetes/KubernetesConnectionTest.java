package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server finds its cluster in a kubeconfig as kubectl does, and says which flag is wrong when it cannot. */
class KubernetesConnectionTest {
    @TempDir
    Path dir;

    private Path kubeconfig() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster:
                    server: https://lab.example:6443
                - name: prod
                  cluster:
                    server: https://prod.example:6443
                users:
                - name: me
                  user:
                    token: t
                contexts:
                - name: lab
                  context: {cluster: lab, user: me, namespace: team-a}
                - name: prod
                  context: {cluster: prod, user: me}
                current-context: lab
                """);
        return file;
    }

    @Test
    void theCurrentContextOrTheOneNamedIsUsed() throws IOException {
        Config current = KubernetesConnection.config(kubeconfig(), null);
        Config prod = KubernetesConnection.config(kubeconfig(), "prod");

        assertThat(current.getMasterUrl()).startsWith("https://lab.example:6443");
        assertThat(current.getNamespace()).isEqualTo("team-a");
        assertThat(prod.getMasterUrl()).startsWith("https://prod.example:6443");
    }

    @Test
    void aMissingContextOrFileIsNamed() throws IOException {
        Path kubeconfig = kubeconfig();

        assertThatThrownBy(() -> KubernetesConnection.config(kubeconfig, "staging"))
                .hasMessage("--kube-context: no context \"staging\" in " + kubeconfig);
        assertThatThrownBy(() -> KubernetesConnection.config(dir.resolve("missing"), null))
                .hasMessage("--kubeconfig: cannot read " + dir.resolve("missing"));
    }
}
