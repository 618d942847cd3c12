package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the user sees when something goes wrong, and the exit codes that go with it. */
class ErrorReportingTest {
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
    void invalidFieldsAreAllReportedWithTheirPathsAndFlags() {
        Cli.Run run = cli.run("env", "create", "--name", "Bad_Name", "--poolsize", "-1", "--version", "7");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly(
                "Error: Environment \"default/Bad_Name\" is invalid:",
                "  metadata.name (--name): \"Bad_Name\" is not a DNS-1123 label: use lower-case letters, digits and '-', "
                        + "starting and ending with a letter or digit (e.g. \"hello-world\")",
                "  spec.version (--version): must be between 1 and 3, not 7",
                "  spec.runtime.image (--image): is required",
                "  spec.poolsize (--poolsize): must be at least 0, not -1");
        assertThat(server.client().list(Kinds.ENVIRONMENT, null, null).items()).isEmpty();
    }

    @Test
    void badFlagsPrintTheUsageAndExitWith2() {
        Cli.Run unknown = cli.run("fn", "create", "--name", "x", "--bogus");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option: '--bogus'\nUsage: fissile function create ");

        Cli.Run missing = cli.run("env", "get");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required option: '--name=NAME'\nUsage: fissile environment get ");

        Cli.Run notANumber = cli.run("env", "create", "--name", "x", "--image", "i", "--poolsize", "many");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("Invalid value for option '--poolsize': 'many' is not an int");
    }

    @Test
    void notFoundNamesTheObjectAndNamespace() {
        Cli.Run get = cli.run("fn", "getmeta", "--name", "ghost", "-n", "limbo");
        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.err()).isEqualTo("Error: function 'ghost' not found in namespace 'limbo'\n");

        Cli.Run delete = cli.run("route", "delete", "--name", "ghost");
        assertThat(delete.exitCode()).isEqualTo(1);
        assertThat(delete.err()).isEqualTo("Error: trigger 'ghost' not found in namespace 'default'\n");

        Cli.Run ignored = cli.run("tt", "delete", "--name", "ghost", "--ignorenotfound");
        assertThat(ignored.exitCode()).isZero();
        assertThat(ignored.out()).isEmpty();
    }

    @Test
    void aConcurrentChangeIsAConflictNotALostUpdate() throws IOException {
        cli.ok("env", "create", "--name", "contested", "--image", "fission/node-env");
        Runnable otherWriter = () -> {
            Environment env = server.client().get(Kinds.ENVIRONMENT, "default", "contested").orElseThrow();
            env.spec().poolsize(9);
            server.client().update(env);
        };
        try (InterceptingProxy proxy = new InterceptingProxy(server.url(), otherWriter)) {
            Cli.Run run = new Cli(proxy.url(), dir).run("env", "update", "--name", "contested", "--poolsize", "1");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines().toList()).hasSize(2);
            assertThat(run.err()).startsWith("Error: ").containsIgnoringCase("contested");
            assertThat(run.err().lines().toList().get(1)).isEqualTo("  Someone changed it since this command read it; "
                    + "run the command again to apply your change to the latest version.");
        }
        assertThat(server.client().get(Kinds.ENVIRONMENT, "default", "contested").orElseThrow().spec().poolsize()).isEqualTo(9);
    }

    @Test
    void anUnreachableServerIsNamedWithHowToPointAtAnother() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        Cli.Run run = new Cli(url, dir).run("fn", "list");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: cannot reach the Fissile controller at " + url + ". Is `fissile server` running there? "
                + "Point the CLI at the controller with --server URL or FISSILE_URL=URL.\n");
    }

    @Test
    void serverFlagWinsOverTheEnvironment() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli unreachable = new Cli("http://127.0.0.1:" + closedPort, dir);

        assertThat(unreachable.ok("--server", server.url(), "env", "list")).startsWith("NAME ");
        assertThat(unreachable.ok("env", "list", "--server", server.url())).startsWith("NAME ");
    }

    @Test
    void jsonOutputParses() {
        cli.ok("env", "create", "--name", "json-one", "--image", "fission/node-env", "-n", "json");
        cli.ok("env", "create", "--name", "json-two", "--image", "fission/python-env", "-n", "json");

        JsonNode list = Codec.fromJson(cli.ok("env", "list", "-n", "json", "-o", "json"), JsonNode.class);
        assertThat(list.path("apiVersion").asString()).isEqualTo("fission.io/v1");
        assertThat(list.path("kind").asString()).isEqualTo("EnvironmentList");
        assertThat(list.path("items")).hasSize(2);
        assertThat(list.path("items").get(1).path("spec").path("runtime").path("image").asString()).isEqualTo("fission/python-env");

        Environment one = Codec.fromJson(cli.ok("env", "get", "--name", "json-one", "-n", "json", "-o", "json"), Environment.class);
        assertThat(one.namespace()).isEqualTo("json");
        assertThat(one.spec().runtime().image()).isEqualTo("fission/node-env");
    }

    @Test
    void namespaceMayBeGivenBeforeOrAfterTheCommand() {
        cli.ok("-n", "early", "env", "create", "--name", "first", "--image", "i");
        cli.ok("env", "-n", "middle", "create", "--name", "second", "--image", "i");
        cli.ok("env", "create", "--name", "third", "--image", "i", "--namespace", "late");

        assertThat(server.client().get(Kinds.ENVIRONMENT, "early", "first")).isPresent();
        assertThat(server.client().get(Kinds.ENVIRONMENT, "middle", "second")).isPresent();
        assertThat(server.client().get(Kinds.ENVIRONMENT, "late", "third")).isPresent();
    }

    @Test
    void helpAndBareCommandsShowTheUsage() {
        assertThat(cli.ok("--help")).startsWith("Usage: fissile [-h]").contains("environment, env", "httptrigger, ht, route",
                "timetrigger, tt, timer", "mqtrigger, mqt, messagequeue", "watch, w", "canary, canaryconfig", "archive, ar", "version");
        assertThat(cli.ok("fn")).startsWith("Usage: fissile function [-h]").contains("create", "getmeta", "list");
        assertThat(cli.ok("pkg", "create", "--help")).contains("--deploy, --deployarchive=FILE|DIR|ZIP");
    }
}
