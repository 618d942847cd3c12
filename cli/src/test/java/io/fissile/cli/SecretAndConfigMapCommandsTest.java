package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SecretAndConfigMapCommandsTest {
    private static final String PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.writeString(dir.resolve("tls.key"), "-----BEGIN KEY-----\n");
        Files.write(dir.resolve("blob.bin"), new byte[]{0, (byte) 0xff, 1});
    }

    private Secret revealed(String name) {
        return server.client().revealSecret("default", name).orElseThrow();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aSecretIsCreatedFromLiteralsAndFilesAndItsValuesNeverPrinted() {
        String created = cli.ok("secret", "create", "--name", "db", "--from-literal", "password=" + PASSWORD,
                "--from-literal", "url=postgres://h/db?a=b", "--from-file", "tls.key", "--from-file", "cert=tls.key");

        assertThat(created).isEqualTo("secret 'db' created\n");
        Secret secret = revealed("db");
        assertThat(secret.type()).isEqualTo("Opaque");
        assertThat(text(secret.data().get("password"))).isEqualTo(PASSWORD);
        assertThat(text(secret.data().get("url"))).isEqualTo("postgres://h/db?a=b");
        assertThat(text(secret.data().get("tls.key"))).isEqualTo("-----BEGIN KEY-----\n");
        assertThat(secret.data()).containsKey("cert");

        String table = cli.ok("secret", "list");
        String yaml = cli.ok("secret", "get", "--name", "db", "-o", "yaml");
        assertThat(table.lines().findFirst().orElseThrow().split(" +")).containsExactly("NAME", "TYPE", "DATA", "NAMESPACE");
        assertThat(table).contains("db", "Opaque", "password (21 bytes)", "tls.key (20 bytes)", "default");
        for (String printed : new String[]{table, yaml}) {
            assertThat(printed).doesNotContain(PASSWORD).doesNotContain("BEGIN KEY")
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(yaml).contains("dataSizes:").contains("password: 21");
    }

    @Test
    void getRevealShowsTheValuesOnlyWhenAskedFor() {
        cli.ok("secret", "create", "--name", "api-key", "--from-literal", "key=" + PASSWORD);

        Secret shown = Codec.readResource(cli.ok("secret", "get", "--name", "api-key", "--reveal"), Kinds.SECRET);

        assertThat(text(shown.data().get("key"))).isEqualTo(PASSWORD);
    }

    @Test
    void updateSetsAndRemovesKeysAndKeepsTheOthers() {
        cli.ok("secret", "create", "--name", "svc", "--from-literal", "a=1", "--from-literal", "b=2", "--from-literal", "c=3");

        assertThat(cli.ok("secret", "update", "--name", "svc", "--from-literal", "b=two", "--remove-key", "c"))
                .isEqualTo("secret 'svc' updated\n");

        Secret secret = revealed("svc");
        assertThat(secret.data()).containsOnlyKeys("a", "b");
        assertThat(text(secret.data().get("a"))).isEqualTo("1");
        assertThat(text(secret.data().get("b"))).isEqualTo("two");
    }

    @Test
    void aBadKeyOrARepeatedOneIsRefusedBeforeAnythingIsSent() {
        Cli.Run badKey = cli.run("secret", "create", "--name", "bad", "--from-literal", "a b=1");
        Cli.Run repeated = cli.run("secret", "create", "--name", "twice", "--from-literal", "k=1", "--from-literal", "k=2");

        assertThat(badKey.exitCode()).isEqualTo(1);
        assertThat(badKey.err()).contains("data.a b (--from-literal/--from-file)").contains("must be letters, digits");
        assertThat(repeated.exitCode()).isEqualTo(1);
        assertThat(repeated.err()).contains("key \"k\" is given more than once");
        assertThat(server.client().get(Kinds.SECRET, "default", "bad")).isEmpty();
        assertThat(server.client().get(Kinds.SECRET, "default", "twice")).isEmpty();
    }

    @Test
    void deleteRemovesTheSecret() {
        cli.ok("secret", "create", "--name", "gone", "--from-literal", "k=v");

        assertThat(cli.ok("secret", "delete", "--name", "gone")).isEqualTo("secret 'gone' deleted\n");

        assertThat(server.client().get(Kinds.SECRET, "default", "gone")).isEmpty();
    }

    @Test
    void aConfigMapKeepsTextInDataAndOtherBytesInBinaryData() {
        assertThat(cli.ok("configmap", "create", "--name", "settings", "--from-literal", "mode=fast", "--from-file", "blob.bin"))
                .isEqualTo("configmap 'settings' created\n");

        ConfigMap shown = Codec.readResource(cli.ok("configmap", "get", "--name", "settings", "-o", "yaml"), Kinds.CONFIG_MAP);
        assertThat(shown.data()).containsExactly(java.util.Map.entry("mode", "fast"));
        assertThat(shown.binaryData().get("blob.bin")).containsExactly(0, 0xff, 1);
        assertThat(cli.ok("configmap", "list")).contains("settings", "mode,blob.bin");

        cli.ok("configmap", "update", "--name", "settings", "--from-literal", "blob.bin=now text", "--remove-key", "mode");
        ConfigMap updated = server.client().get(Kinds.CONFIG_MAP, "default", "settings").orElseThrow();
        assertThat(updated.data()).containsExactly(java.util.Map.entry("blob.bin", "now text"));
        assertThat(updated.binaryData()).isEmpty();
    }

    @Test
    void aDirectoryGivesOneKeyPerFile() throws IOException {
        Path conf = Files.createDirectory(dir.resolve("conf"));
        Files.writeString(conf.resolve("a.txt"), "A");
        Files.writeString(conf.resolve("b.txt"), "B");

        cli.ok("configmap", "create", "--name", "from-dir", "--from-file", "conf");

        assertThat(server.client().get(Kinds.CONFIG_MAP, "default", "from-dir").orElseThrow().data())
                .containsExactly(java.util.Map.entry("a.txt", "A"), java.util.Map.entry("b.txt", "B"));
    }
}
