package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentCommandsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(server, dir);
    }

    @Test
    void createGetUpdateListDelete() {
        assertThat(cli.ok("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--builder", "fission/node-builder",
                "--poolsize", "5", "--mincpu", "100", "--maxcpu", "200", "--minmemory", "64", "--maxmemory", "128",
                "--graceperiod", "30", "--keeparchive", "--externalnetwork"))
                .isEqualTo("environment 'nodejs' created\n");

        Environment env = Codec.readResource(cli.ok("env", "get", "--name", "nodejs", "-o", "yaml"), Kinds.ENVIRONMENT);
        assertThat(env.name()).isEqualTo("nodejs");
        assertThat(env.namespace()).isEqualTo("default");
        assertThat(Codec.toJson(env.spec())).isEqualTo(Codec.toJson(Codec.fromYaml("""
                version: 3
                runtime: {image: fission/node-env}
                builder: {image: fission/node-builder, command: build}
                allowAccessToExternalNetwork: true
                resources:
                  limits: {cpu: 200m, memory: 128Mi}
                  requests: {cpu: 100m, memory: 64Mi}
                poolsize: 5
                terminationGracePeriod: 30
                keeparchive: true
                """, io.fissile.api.v1.EnvironmentSpec.class)));

        assertThat(cli.ok("env", "update", "--name", "nodejs", "--poolsize", "7")).isEqualTo("environment 'nodejs' updated\n");
        assertThat(server.client().get(Kinds.ENVIRONMENT, "default", "nodejs").orElseThrow().spec().poolsize()).isEqualTo(7);

        String table = cli.ok("env", "list");
        assertThat(table.lines().findFirst().orElseThrow().split(" +")).containsExactly(
                "NAME", "IMAGE", "BUILDER_IMAGE", "POOLSIZE", "MINCPU", "MAXCPU", "MINMEMORY", "MAXMEMORY", "EXTNET", "GRACETIME", "NAMESPACE");
        assertThat(table.lines().skip(1).map(l -> l.split(" +")).toList()).anySatisfy(row -> assertThat(row).containsExactly(
                "nodejs", "fission/node-env", "fission/node-builder", "7", "100m", "200m", "64Mi", "128Mi", "true", "30", "default"));

        assertThat(cli.ok("env", "delete", "--name", "nodejs")).isEqualTo("environment 'nodejs' deleted\n");
        assertThat(server.client().get(Kinds.ENVIRONMENT, "default", "nodejs")).isEmpty();
    }

    @Test
    void defaultsAreFissionsAndUpdateChangesOnlyWhatIsGiven() {
        cli.ok("env", "create", "--name", "python", "--image", "fission/python-env");
        Environment created = server.client().get(Kinds.ENVIRONMENT, "default", "python").orElseThrow();
        assertThat(created.spec().version()).isEqualTo(3);
        assertThat(created.spec().poolsize()).isEqualTo(3);
        assertThat(created.spec().terminationGracePeriod()).isEqualTo(360L);
        assertThat(created.spec().builder()).isNull();

        cli.ok("env", "update", "--name", "python", "--graceperiod", "10", "--labels", "team=web");
        Environment updated = server.client().get(Kinds.ENVIRONMENT, "default", "python").orElseThrow();
        assertThat(updated.spec().terminationGracePeriod()).isEqualTo(10L);
        assertThat(updated.spec().poolsize()).isEqualTo(3);
        assertThat(updated.spec().runtime().image()).isEqualTo("fission/python-env");
        assertThat(updated.metadata().labels()).isEqualTo(Map.of("team", "web"));
    }

    @Test
    void deleteRefusesAnEnvironmentFunctionsUseUnlessForced() throws java.io.IOException {
        cli.ok("env", "create", "--name", "busy", "--image", "fission/node-env");
        java.nio.file.Files.writeString(dir.resolve("f.js"), "module.exports = () => 1;\n");
        cli.ok("fn", "create", "--name", "worker", "--env", "busy", "--code", "f.js");

        Cli.Run refused = cli.run("env", "delete", "--name", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error: environment 'busy' is used by 1 function(s): default/worker; "
                + "delete them first, or use --force\n");

        assertThat(cli.ok("env", "delete", "--name", "busy", "--force")).isEqualTo("environment 'busy' deleted\n");
    }

    @Test
    void quietVerbosityHidesWarnings() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("f.js"), "module.exports = () => 1;\n");
        Cli.Run loud = cli.run("fn", "create", "--name", "loud", "--env", "missing", "--code", "f.js");
        Cli.Run quiet = cli.run("fn", "create", "--name", "quiet", "--env", "missing", "--code", "f.js", "-v", "0");

        assertThat(loud.err()).isEqualTo("Warning: environment 'missing' does not exist in namespace 'default'; "
                + "create it before the function runs, e.g. fissile env create --name missing --image <image>\n");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
    }
}
