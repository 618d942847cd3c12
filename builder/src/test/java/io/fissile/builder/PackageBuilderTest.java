package io.fissile.builder;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.api.v1.Builder;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Runtime;
import io.fissile.store.ResourceStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Builds through the shipped builders and custom build commands, with real package managers. */
class PackageBuilderTest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void aNodePackageGetsItsNpmDependencies() throws Exception {
        assumeInstalled("npm", "npm");
        try (BuilderHarness harness = BuilderHarness.start(dir)) {
            harness.environment("nodejs", "fission/node-env", "fission/node-builder");
            harness.sourcePackage("padded", "nodejs", Map.of(
                    "package.json", "{\"name\":\"padded\",\"version\":\"1.0.0\",\"dependencies\":{\"left-pad\":\"1.3.0\"}}",
                    "hello.js", "const pad = require('left-pad');\nmodule.exports = async () => pad('hi', 5);\n"), null);

            Package built = harness.awaitBuilt("padded", BUILD_TIMEOUT);

            assertThat(built.status().buildstatus()).as(built.status().buildlog()).isEqualTo(PackageStatus.SUCCEEDED);
            assertThat(built.status().buildlog()).contains("npm install", "Build succeeded");
            assertThat(built.spec().deployment().url()).startsWith("/v2/archives/");
            assertThat(built.spec().deployment().checksum().sum()).isEqualTo(built.spec().deployment().url().substring(13));
            assertThat(harness.deployedFile(built, "node_modules/left-pad/package.json")).hasValueSatisfying(
                    json -> assertThat(json).contains("\"version\": \"1.3.0\""));
            assertThat(harness.deployedFile(built, "hello.js")).isPresent();
        }
    }

    @Test
    void aPythonPackageGetsItsLocalRequirementInstalled() throws Exception {
        assumeInstalled("python3", "python3-pip");
        try (BuilderHarness harness = BuilderHarness.start(dir)) {
            harness.environment("python", "fission/python-env", "fission/python-builder");
            harness.sourcePackage("greeter", "python", Map.of(
                    "requirements.txt", "./vendor/greeting\n",
                    "vendor/greeting/setup.py", "from setuptools import setup\nsetup(name='greeting', version='1.0', packages=['greeting'])\n",
                    "vendor/greeting/greeting/__init__.py", "def hello():\n    return 'hello'\n",
                    "main.py", "import greeting\ndef main():\n    return greeting.hello()\n"), null);

            Package built = harness.awaitBuilt("greeter", BUILD_TIMEOUT);

            assertThat(built.status().buildstatus()).as(built.status().buildlog()).isEqualTo(PackageStatus.SUCCEEDED);
            assertThat(built.status().buildlog()).contains("pip install -r requirements.txt", "Successfully installed greeting-1.0");
            assertThat(harness.deployedFile(built, "greeting/__init__.py")).hasValueSatisfying(code -> assertThat(code).contains("def hello"));
            assertThat(harness.deployedFile(built, "main.py")).isPresent();
        }
    }

    @Test
    void aJavaFunctionIsBuiltWithMavenFromTheLocalRepository() throws Exception {
        assumeInstalled("mvn", "maven");
        try (BuilderHarness harness = BuilderHarness.start(dir)) {
            harness.environment("java", "fission/jvm-env", "fission/jvm-builder");
            harness.sourcePackage("hello-java", "java", Map.of(
                    "pom.xml", MavenProject.POM,
                    "src/main/java/demo/Hello.java", MavenProject.HELLO), null);

            Package built = harness.awaitBuilt("hello-java", BUILD_TIMEOUT);

            assertThat(built.status().buildstatus()).as(built.status().buildlog()).isEqualTo(PackageStatus.SUCCEEDED);
            assertThat(built.status().buildlog()).contains("mvn package (offline)", "deploying hello-1.0.jar");
            assertThat(harness.deployedFile(built, "hello-1.0.jar")).isPresent();
        }
    }

    @Test
    void aFailingBuildIsMarkedFailedAndKeepsItsLog() throws Exception {
        try (BuilderHarness harness = BuilderHarness.start(dir)) {
            harness.environment("binary", "fission/binary-env", "fission/binary-builder");
            harness.sourcePackage("broken", "binary", Map.of("main.sh", "echo hi\n"),
                    "echo compiling main.sh; echo 'main.sh:1: syntax error' >&2; exit 2");

            Package built = harness.awaitBuilt("broken", BUILD_TIMEOUT);

            assertThat(built.status().buildstatus()).isEqualTo(PackageStatus.FAILED);
            assertThat(built.status().buildlog()).contains("compiling main.sh", "main.sh:1: syntax error", "exited with status 2");
            assertThat(built.spec().deployment()).isNull();
        }
    }

    @Test
    void aHangingBuildIsEndedAtItsTimeLimit() throws Exception {
        BuilderOptions options = BuilderOptions.defaults(dir.resolve("builder")).withTimeLimit(Duration.ofSeconds(3));
        try (BuilderHarness harness = BuilderHarness.start(dir, options)) {
            harness.environment("binary", "fission/binary-env", "fission/binary-builder");
            harness.sourcePackage("stuck", "binary", Map.of("main.sh", "echo hi\n"), "echo waiting forever; sleep 600");

            Package built = harness.awaitBuilt("stuck", Duration.ofSeconds(60));

            assertThat(built.status().buildstatus()).isEqualTo(PackageStatus.FAILED);
            assertThat(built.status().buildlog()).contains("waiting forever", "time limit of 3 s");
        }
    }

    @Test
    void aZipSlipSourceArchiveIsRefused() throws Exception {
        try (BuilderHarness harness = BuilderHarness.start(dir)) {
            harness.environment("binary", "fission/binary-env", "fission/binary-builder");
            harness.sourcePackage("evil", "binary", Archive.ofLiteral(zipWithEntry("../../escaped.sh", "echo pwned")), null);

            Package built = harness.awaitBuilt("evil", BUILD_TIMEOUT);

            assertThat(built.status().buildstatus()).isEqualTo(PackageStatus.FAILED);
            assertThat(built.status().buildlog()).contains("source archive", "../../escaped.sh", "outside");
            assertThat(dir.resolve("builder/escaped.sh")).doesNotExist();
        }
    }

    @Test
    void aBinaryPackageHasItsFilesMadeExecutableAndANewSourceIsBuiltAgain() throws Exception {
        try (BuilderHarness harness = BuilderHarness.start(dir)) {
            harness.environment("binary", "fission/binary-env", "fission/binary-builder");
            harness.sourcePackage("tool", "binary", Map.of("run.sh", "echo one\n"), null);
            Package first = harness.awaitBuilt("tool", BUILD_TIMEOUT);
            assertThat(first.status().buildstatus()).as(first.status().buildlog()).isEqualTo(PackageStatus.SUCCEEDED);
            Path unpacked = harness.unpackDeployment(first);
            assertThat(Files.isExecutable(unpacked.resolve("run.sh"))).isTrue();

            Package changed = harness.get("tool");
            changed.spec().source(harness.sourcePackage("tool-v2", "binary", Map.of("run.sh", "echo two\n"), null).spec().source());
            harness.store.update(changed);

            await().atMost(BUILD_TIMEOUT).until(() -> !first.spec().deployment().url().equals(harness.get("tool").spec().deployment().url())
                    && PackageStatus.SUCCEEDED.equals(harness.get("tool").status().buildstatus()));
            assertThat(harness.deployedFile(harness.get("tool"), "run.sh")).hasValue("echo two\n");
        }
    }

    @Test
    void aBuildLeftRunningByAStoppedServerIsBuiltAtStart() throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        try (ResourceStore store = SqliteResourceStore.open(data.resolve("fissile.db"))) {
            Environment env = Kinds.ENVIRONMENT.create("default", "binary");
            env.spec().version(3).runtime(new Runtime().image("fission/binary-env")).builder(new Builder().image("fission/binary-builder"));
            store.create(env);
            Package pkg = Kinds.PACKAGE.create("default", "interrupted");
            pkg.spec().environment(Reference.to("binary").namespace("default"))
                    .source(Archive.ofLiteral(zipWithEntry("run.sh", "echo hi")));
            pkg.status(new PackageStatus().buildstatus(PackageStatus.RUNNING));
            store.create(pkg);
        }
        try (BuilderHarness harness = BuilderHarness.start(data)) {
            Package built = harness.awaitBuilt("interrupted", BUILD_TIMEOUT);
            assertThat(built.status().buildstatus()).as(built.status().buildlog()).isEqualTo(PackageStatus.SUCCEEDED);
            assertThat(harness.deployedFile(built, "run.sh")).hasValue("echo hi");
        }
    }

    private static byte[] zipWithEntry(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void assumeInstalled(String program, String debianPackage) {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(d -> java.nio.file.Files.isExecutable(Path.of(d, program)));
        assumeTrue(found, "missing Debian package: " + debianPackage);
    }
}
