package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionCommandsTest {
    private static final String HELLO = "module.exports = async function(context) { return {status: 200, body: 'hello'}; }\n";

    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.writeString(dir.resolve("hello.js"), HELLO);
    }

    private Function function(String name) {
        return server.client().get(Kinds.FUNCTION, "default", name).orElseThrow();
    }

    private Package packageOf(Function fn) {
        return server.client().get(Kinds.PACKAGE, "default", fn.spec().packageRef().packageRef().name()).orElseThrow();
    }

    @Test
    void createWithSmallCodeMakesALiteralPackageAndGetPrintsTheCode() {
        String out = cli.ok("fn", "create", "--name", "hello", "--env", "nodejs", "--code", "hello.js", "--entrypoint", "hello.handler");

        Function fn = function("hello");
        Package pkg = packageOf(fn);
        assertThat(out).isEqualTo("package '" + pkg.name() + "' created\nfunction 'hello' created\n");
        assertThat(pkg.name()).matches("hello-[0-9a-f]{8}");
        assertThat(pkg.spec().environment().name()).isEqualTo("nodejs");
        assertThat(pkg.spec().deployment().type()).isEqualTo(Archive.LITERAL);
        assertThat(new String(pkg.spec().deployment().literal(), StandardCharsets.UTF_8)).isEqualTo(HELLO);
        assertThat(fn.spec().packageRef().functionName()).isEqualTo("hello.handler");
        assertThat(fn.spec().packageRef().packageRef().resourceVersion()).isEqualTo(pkg.metadata().resourceVersion());

        assertThat(cli.ok("fn", "get", "--name", "hello")).isEqualTo(HELLO);
    }

    @Test
    void createWritesFissionsDefaultsAndGetmetaShowsExactlyThem() {
        cli.ok("fn", "create", "--name", "defaults", "--env", "nodejs", "--code", "hello.js");
        Function fn = Codec.readResource(cli.ok("fn", "getmeta", "--name", "defaults", "-o", "yaml"), Kinds.FUNCTION);
        String pkg = fn.spec().packageRef().packageRef().name();
        String rv = fn.spec().packageRef().packageRef().resourceVersion();
        assertThat(Codec.toJson(fn.spec())).isEqualTo(Codec.toJson(Codec.fromYaml("""
                environment: {namespace: default, name: nodejs}
                package:
                  packageref: {namespace: default, name: %s, resourceversion: "%s"}
                InvokeStrategy:
                  ExecutionStrategy: {ExecutorType: poolmgr, SpecializationTimeout: 120}
                  StrategyType: execution
                functionTimeout: 60
                idletimeout: 120
                concurrency: 500
                requestsPerPod: 1
                """.formatted(pkg, rv), FunctionSpec.class)));
        assertThat(cli.ok("fn", "getmeta", "--name", "defaults")).isEqualTo("Name: defaults\nEnvironment: nodejs\n");
    }

    @Test
    void codeOver256KiBIsUploadedAndReferredToByUrlAndChecksum() throws IOException {
        byte[] big = new byte[300 * 1024];
        new Random(7).nextBytes(big);
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + Math.floorMod(big[i], 26));
        Files.write(dir.resolve("big.js"), big);

        cli.ok("fn", "create", "--name", "big", "--env", "nodejs", "--code", "big.js");

        Archive deployment = packageOf(function("big")).spec().deployment();
        String sha256 = ControllerClient.sha256(dir.resolve("big.js"));
        assertThat(deployment.type()).isEqualTo(Archive.URL);
        assertThat(deployment.literal()).isNull();
        assertThat(deployment.url()).isEqualTo("/v2/archives/" + sha256);
        assertThat(deployment.checksum().type()).isEqualTo("sha256");
        assertThat(deployment.checksum().sum()).isEqualTo(sha256);
        assertThat(cli.ok("archive", "list")).contains(sha256 + " " + big.length + " ");
        assertThat(cli.run("fn", "get", "--name", "big").outBytes()).isEqualTo(big);
    }

    @Test
    void updateChangesOnlyTheGivenFlagsAndListShowsThem() {
        cli.ok("fn", "create", "--name", "tuned", "--env", "nodejs", "--code", "hello.js", "--secret", "db", "--configmap", "settings");
        assertThat(cli.ok("fn", "update", "--name", "tuned", "--fntimeout", "30", "--executortype", "newdeploy",
                "--minscale", "2", "--maxscale", "4", "--mincpu", "100", "--maxmemory", "256"))
                .isEqualTo("function 'tuned' updated\n");

        Function fn = function("tuned");
        assertThat(fn.spec().functionTimeout()).isEqualTo(30);
        assertThat(fn.spec().idleTimeout()).isEqualTo(120);
        assertThat(fn.spec().executionStrategy().executorType()).isEqualTo("newdeploy");
        assertThat(fn.spec().packageRef().functionName()).isNull();

        String table = cli.ok("fn", "list");
        assertThat(table.lines().findFirst().orElseThrow().split(" +")).containsExactly("NAME", "ENV", "EXECUTORTYPE", "MINSCALE",
                "MAXSCALE", "MINCPU", "MAXCPU", "MINMEMORY", "MAXMEMORY", "SECRETS", "CONFIGMAPS", "NAMESPACE");
        assertThat(table.lines().map(l -> l.split(" +")).toList()).anySatisfy(row -> assertThat(row).containsExactly(
                "tuned", "nodejs", "newdeploy", "2", "4", "100m", "100m", "0", "256Mi", "db", "settings", "default"));
    }

    @Test
    void updateWithCodeUpdatesThePackageAndTheFunctionFollowsIt() throws IOException {
        cli.ok("fn", "create", "--name", "evolving", "--env", "nodejs", "--code", "hello.js");
        Package before = packageOf(function("evolving"));
        Files.writeString(dir.resolve("hello2.js"), "// version 2\n");

        String out = cli.ok("fn", "update", "--name", "evolving", "--code", "hello2.js");

        Function fn = function("evolving");
        Package after = packageOf(fn);
        assertThat(out).isEqualTo("package '" + before.name() + "' updated\nfunction 'evolving' updated\n");
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(new String(after.spec().deployment().literal(), StandardCharsets.UTF_8)).isEqualTo("// version 2\n");
        assertThat(fn.spec().packageRef().packageRef().resourceVersion()).isEqualTo(after.metadata().resourceVersion());
        assertThat(cli.ok("fn", "get", "--name", "evolving")).isEqualTo("// version 2\n");
    }

    @Test
    void deleteRemovesThePackageMadeForTheFunctionButKeepsOthers() {
        cli.ok("fn", "create", "--name", "short-lived", "--env", "nodejs", "--code", "hello.js");
        String made = packageOf(function("short-lived")).name();
        cli.ok("pkg", "create", "--name", "shared", "--env", "nodejs", "--code", "hello.js");
        cli.ok("fn", "create", "--name", "borrower", "--pkgname", "shared");

        assertThat(cli.ok("fn", "delete", "--name", "short-lived"))
                .isEqualTo("function 'short-lived' deleted\npackage '" + made + "' deleted\n");
        assertThat(cli.ok("fn", "delete", "--name", "borrower")).isEqualTo("function 'borrower' deleted\n");

        assertThat(server.client().get(Kinds.PACKAGE, "default", made)).isEmpty();
        assertThat(server.client().get(Kinds.PACKAGE, "default", "shared")).isPresent();
    }

    @Test
    void getOfAZipArchiveSaysSoInsteadOfPrintingBinary() throws IOException {
        Files.createDirectories(dir.resolve("app/lib"));
        Files.writeString(dir.resolve("app/index.js"), HELLO);
        Files.writeString(dir.resolve("app/lib/util.js"), "exports.x = 1;\n");
        cli.ok("fn", "create", "--name", "zipped", "--env", "nodejs", "--deploy", "app");

        String out = cli.ok("fn", "get", "--name", "zipped");
        String pkg = packageOf(function("zipped")).name();
        assertThat(out).startsWith("The code of function 'zipped' is a zip archive (")
                // a directory given alone is archived by its contents, as Fission does
                .contains("  index.js (" + HELLO.length() + " bytes)\n", "  lib/util.js (15 bytes)\n")
                .endsWith("Save it with: fissile package getdeploy --name " + pkg + " --output <file>.zip\n");
    }

    @Test
    void scaleFlagsNeedNewdeploy() {
        Cli.Run run = cli.run("fn", "create", "--name", "scaled", "--env", "nodejs", "--code", "hello.js", "--minscale", "2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: --minscale, --maxscale and --targetcpu need --executortype newdeploy\n");
        assertThat(server.client().get(Kinds.FUNCTION, "default", "scaled")).isEmpty();
    }

    @Test
    void createRefusesAnExistingFunctionBeforeMakingAPackage() {
        cli.ok("fn", "create", "--name", "twice", "--env", "nodejs", "--code", "hello.js");
        int packages = server.client().list(Kinds.PACKAGE, "default", null).items().size();

        Cli.Run run = cli.run("fn", "create", "--name", "twice", "--env", "nodejs", "--code", "hello.js");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: function 'twice' already exists in namespace 'default'\n");
        assertThat(server.client().list(Kinds.PACKAGE, "default", null).items()).hasSize(packages);
    }

    @Test
    void listAllNamespaces() {
        cli.ok("fn", "create", "--name", "here", "--env", "nodejs", "--code", "hello.js");
        cli.ok("fn", "create", "--name", "there", "--env", "nodejs", "--code", "hello.js", "-n", "other");

        assertThat(cli.ok("fn", "list", "-n", "other").lines().skip(1).toList()).singleElement().asString().startsWith("there ");
        assertThat(cli.ok("fn", "list", "--all-namespaces")).contains("\nhere ", "\nthere ");
    }

    @Test
    void aMissingCodeFileIsNamedAndNothingIsCreated() {
        Cli.Run run = cli.run("fn", "create", "--name", "nocode", "--env", "nodejs", "--code", "missing.js");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("Error: no such file or directory: missing.js\n");
        assertThat(server.client().get(Kinds.FUNCTION, "default", "nocode")).isEmpty();
        assertThat(server.client().list(Kinds.PACKAGE, null, null).items()).noneMatch(p -> p.name().startsWith("nocode-"));
    }

    @Test
    void createWithUrlAlsoMakesARoute() {
        String out = cli.ok("fn", "create", "--name", "routed", "--env", "nodejs", "--code", "hello.js", "--url", "/routed",
                "--method", "POST");

        assertThat(out).endsWith("function 'routed' created\nroute created: [POST] /routed -> routed\n");
        assertThat(server.client().list(Kinds.HTTP_TRIGGER, "default", null).items())
                .anySatisfy(t -> {
                    assertThat(t.spec().relativeUrl()).isEqualTo("/routed");
                    assertThat(t.spec().functionRef().name()).isEqualTo("routed");
                });
    }
}
