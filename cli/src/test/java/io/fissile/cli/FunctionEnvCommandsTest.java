package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --env} names the environment, as in Fission, and with KEY=VALUE sets a variable of the function's instances. */
class FunctionEnvCommandsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.writeString(dir.resolve("hello.js"), "module.exports = async () => ({status: 200, body: 'hi'});\n");
    }

    private Function function(String name) {
        return server.client().get(Kinds.FUNCTION, "default", name).orElseThrow();
    }

    @Test
    void createSetsVariablesSecretsAndConfigMapsAndGetmetaShowsThem() {
        cli.ok("fn", "create", "--name", "with-env", "--env", "nodejs", "--code", "hello.js",
                "--env", "GREETING=hi", "--env", "DB_URL=postgres://h/db?sslmode=require",
                "--secret", "db", "--configmap", "settings");

        Function fn = function("with-env");
        assertThat(fn.spec().environment().name()).isEqualTo("nodejs");
        assertThat(fn.spec().environmentVariables())
                .containsExactly(Map.entry("GREETING", "hi"), Map.entry("DB_URL", "postgres://h/db?sslmode=require"));
        assertThat(fn.spec().secrets()).extracting(Reference::name).containsExactly("db");
        assertThat(fn.spec().configmaps()).extracting(Reference::name).containsExactly("settings");

        String yaml = cli.ok("fn", "getmeta", "--name", "with-env", "-o", "yaml");
        assertThat(yaml).contains("env:\n  - name: GREETING\n    value: hi\n  - name: DB_URL\n");
        assertThat(Codec.readResource(yaml, Kinds.FUNCTION).spec().environmentVariables()).containsKeys("GREETING", "DB_URL");
    }

    @Test
    void updateSetsTheVariablesGivenAndKeepsTheOthersAndTheEnvironment() {
        cli.ok("fn", "create", "--name", "updated-env", "--env", "nodejs", "--code", "hello.js", "--env", "A=1", "--env", "B=2");

        cli.ok("fn", "update", "--name", "updated-env", "--env", "B=two", "--env", "C=3");

        Function fn = function("updated-env");
        assertThat(fn.spec().environment().name()).isEqualTo("nodejs");
        assertThat(fn.spec().environmentVariables()).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"), Map.entry("C", "3"));
    }

    @Test
    void badOrReservedNamesAreRefusedNamingTheFlag() {
        Cli.Run bad = cli.run("fn", "create", "--name", "bad-env", "--env", "nodejs", "--code", "hello.js", "--env", "9LIVES=1");
        Cli.Run reserved = cli.run("fn", "create", "--name", "reserved-env", "--env", "nodejs", "--code", "hello.js", "--env", "PORT=80");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("spec.env[0].name (--env)").contains("\"9LIVES\" is not a variable name");
        assertThat(reserved.exitCode()).isEqualTo(1);
        assertThat(reserved.err()).contains("\"PORT\" is set by the platform");
        assertThat(server.client().get(Kinds.FUNCTION, "default", "bad-env")).isEmpty();
    }

    @Test
    void twoEnvironmentNamesAreAMistake() {
        Cli.Run run = cli.run("fn", "create", "--name", "two-envs", "--env", "nodejs", "--env", "python", "--code", "hello.js");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--env names the environment once (given: nodejs, python)");
    }
}
