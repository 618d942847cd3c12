package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.Resource;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.TimeTrigger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --spec writes YAML that the spec reader takes back as the same objects, and nothing reaches the server. */
class SpecOutputTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/hello.js"), "module.exports = () => 'hello';\n");
    }

    private List<Object> documents(String file) throws IOException {
        return Codec.splitDocuments(Files.readString(dir.resolve(file))).stream()
                .map(document -> Codec.readObject(document.text()))
                .toList();
    }

    @Test
    void environmentSpec() throws IOException {
        String out = cli.ok("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "2", "--spec");

        assertThat(out).isEqualTo("Saving Environment 'nodejs' to 'specs/env-nodejs.yaml'\n");
        Environment env = (Environment) documents("specs/env-nodejs.yaml").get(0);
        assertThat(env.name()).isEqualTo("nodejs");
        assertThat(env.metadata().namespace()).isNull();
        assertThat(env.spec().runtime().image()).isEqualTo("fission/node-env");
        assertThat(env.spec().poolsize()).isEqualTo(2);
        assertThat(server.client().get(Kinds.ENVIRONMENT, "default", "nodejs")).isEmpty();
    }

    @Test
    void functionSpecWithCodeHoldsTheArchiveUploadThePackageAndTheFunction() throws IOException {
        String out = cli.ok("fn", "create", "--name", "hello", "--env", "nodejs", "--code", "src/hello.js", "--entrypoint", "hello", "--spec");

        List<Object> objects = documents("specs/function-hello.yaml");
        assertThat(objects).hasSize(3);
        ArchiveUploadSpec upload = (ArchiveUploadSpec) objects.get(0);
        Package pkg = (Package) objects.get(1);
        Function fn = (Function) objects.get(2);
        assertThat(upload.name()).matches("src-hello-js-[A-Za-z0-9]{4}");
        assertThat(upload.include()).containsExactly("src/hello.js");
        assertThat(pkg.name()).matches("hello-[0-9a-f]{8}");
        assertThat(pkg.spec().environment().name()).isEqualTo("nodejs");
        assertThat(pkg.spec().deployment().type()).isEqualTo("url");
        assertThat(pkg.spec().deployment().url()).isEqualTo("archive://" + upload.name());
        assertThat(fn.spec().packageRef().packageRef().name()).isEqualTo(pkg.name());
        assertThat(fn.spec().packageRef().functionName()).isEqualTo("hello");
        assertThat(fn.spec().environment().name()).isEqualTo("nodejs");
        assertThat(out).isEqualTo("""
                Saving ArchiveUploadSpec '%s' to 'specs/function-hello.yaml'
                Saving Package '%s' to 'specs/function-hello.yaml'
                Saving Function 'hello' to 'specs/function-hello.yaml'
                """.formatted(upload.name(), pkg.name()));
        assertThat(server.client().list(Kinds.FUNCTION, null, null).items()).isEmpty();
        assertThat(server.client().list(Kinds.PACKAGE, null, null).items()).isEmpty();
        assertThat(server.client().listArchives()).isEmpty();
    }

    @Test
    void everyKindHasFissionsFileName() throws IOException {
        cli.ok("pkg", "create", "--name", "lib", "--env", "nodejs", "--deploy", "src", "--spec");
        cli.ok("route", "create", "--name", "web", "--function", "hello", "--url", "/hello", "--spec");
        cli.ok("tt", "create", "--name", "tick", "--function", "hello", "--cron", "@hourly", "--spec");
        cli.ok("mqt", "create", "--name", "queue", "--function", "hello", "--topic", "jobs", "--spec");
        cli.ok("watch", "create", "--name", "pods", "--function", "hello", "--spec");

        assertThat(documents("specs/package-lib.yaml")).hasSize(2).element(1).isInstanceOf(Package.class);
        assertThat(single("specs/route-web.yaml", HTTPTrigger.class).spec().relativeUrl()).isEqualTo("/hello");
        assertThat(single("specs/timetrigger-tick.yaml", TimeTrigger.class).spec().cron()).isEqualTo("@hourly");
        assertThat(single("specs/mqtrigger-queue.yaml", MessageQueueTrigger.class).spec().topic()).isEqualTo("jobs");
        assertThat(single("specs/kubewatch-pods.yaml", KubernetesWatchTrigger.class).spec().type()).isEqualTo("pod");
        // Without -n the watched namespace is left out too, so the trigger watches wherever the spec is applied.
        assertThat(single("specs/kubewatch-pods.yaml", KubernetesWatchTrigger.class).spec().namespace()).isNull();
    }

    @Test
    void specdirAndSpecfileChooseTheFileAndNamespaceIsWrittenOnlyWhenGiven() throws IOException {
        cli.ok("route", "create", "--name", "web", "--function", "hello", "--url", "/hello", "-n", "staging",
                "--spec", "--specdir", "deploy/specs", "--specfile", "routes.yaml");

        HTTPTrigger route = single("deploy/specs/routes.yaml", HTTPTrigger.class);
        assertThat(route.metadata().namespace()).isEqualTo("staging");
    }

    @Test
    void dryPrintsTheYamlAndWritesNothing() {
        String out = cli.ok("tt", "create", "--name", "tick", "--function", "hello", "--cron", "@hourly", "--dry");

        TimeTrigger timer = Codec.readResource(out, Kinds.TIME_TRIGGER);
        assertThat(timer.spec().cron()).isEqualTo("@hourly");
        assertThat(dir.resolve("specs")).doesNotExist();
        assertThat(server.client().get(Kinds.TIME_TRIGGER, "default", "tick")).isEmpty();
    }

    @Test
    void codeOutsideTheWorkingDirectoryCannotGoIntoASpec() throws IOException {
        Path outside = Files.createTempFile("outside", ".js");
        try {
            Cli.Run run = cli.run("fn", "create", "--name", "far", "--env", "nodejs", "--code", outside.toString(), "--spec");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("is outside " + dir).contains("files for a spec must be under the directory spec apply runs in");
            assertThat(dir.resolve("specs")).doesNotExist();
        } finally {
            Files.delete(outside);
        }
    }

    private <R extends Resource<?, ?>> R single(String file, Class<R> type) throws IOException {
        List<Object> objects = documents(file);
        assertThat(objects).hasSize(1);
        return type.cast(objects.get(0));
    }
}
