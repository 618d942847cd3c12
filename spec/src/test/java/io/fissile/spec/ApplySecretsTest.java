package io.fissile.spec;

import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret and ConfigMap documents written as for Kubernetes, applied with the rest of a spec directory. */
class ApplySecretsTest {
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            type: Opaque
            data:
              password: czNjcjN0
            stringData:
              user: admin
            """;
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              mode: fast
              greeting.txt: |
                hello
            """;

    @RegisterExtension
    final RunningController server = new RunningController();

    @TempDir
    Path tmp;

    private SpecProject project;
    private ControllerClient client;

    @BeforeEach
    void copyProject() throws IOException {
        project = SpecProject.copy("hello", tmp);
        client = server.client();
        write("secret-db.yaml", SECRET);
        write("configmap-settings.yaml", CONFIG_MAP);
    }

    private void write(String file, String yaml) throws IOException {
        Files.writeString(project.specDir().resolve(file), yaml);
    }

    private RunningController.Run apply(String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "apply";
        args[1] = "--specdir";
        args[2] = project.specDir().toString();
        System.arraycopy(flags, 0, args, 3, flags.length);
        return server.spec(args);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void createsTheSecretWithItsValuesAndTheConfigMapBeforeEverythingElse() {
        RunningController.Run run = apply();

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Secret default/db created", "ConfigMap default/settings created", "7 created");
        assertThat(run.out().indexOf("Secret default/db created")).isLessThan(run.out().indexOf("Environment default/nodejs created"));
        assertThat(run.all()).doesNotContain("czNjcjN0").doesNotContain("s3cr3t");
        Secret secret = client.revealSecret("default", "db").orElseThrow();
        assertThat(secret.type()).isEqualTo("Opaque");
        assertThat(text(secret.data().get("password"))).isEqualTo("s3cr3t");
        assertThat(text(secret.data().get("user"))).isEqualTo("admin");
        ConfigMap map = client.get(Kinds.CONFIG_MAP, "default", "settings").orElseThrow();
        assertThat(map.data()).containsEntry("mode", "fast").containsEntry("greeting.txt", "hello\n");
    }

    @Test
    void reapplyingLeavesThemAloneAndAChangedValueIsUpdated() throws IOException {
        assertThat(apply().exitCode()).isZero();

        RunningController.Run again = apply();
        write("secret-db.yaml", SECRET.replace("user: admin", "user: root"));
        RunningController.Run changed = apply();

        assertThat(again.out()).contains("Secret default/db unchanged", "ConfigMap default/settings unchanged");
        assertThat(changed.exitCode()).as(changed.all()).isZero();
        assertThat(changed.out()).contains("Secret default/db updated", "ConfigMap default/settings unchanged");
        assertThat(text(client.revealSecret("default", "db").orElseThrow().data().get("user"))).isEqualTo("root");
    }

    @Test
    void aSecretRemovedFromTheSpecsIsDeletedWithDelete() throws IOException {
        assertThat(apply().exitCode()).isZero();

        Files.delete(project.specDir().resolve("secret-db.yaml"));
        RunningController.Run run = apply("--delete");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Secret default/db deleted");
        assertThat(client.get(Kinds.SECRET, "default", "db")).isEmpty();
    }
}
