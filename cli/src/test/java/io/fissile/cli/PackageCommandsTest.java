package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageSpec;
import io.fissile.api.v1.PackageStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PackageCommandsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.writeString(dir.resolve("main.py"), "def main():\n    return 'hi'\n");
        Files.writeString(dir.resolve("requirements.txt"), "requests\n");
    }

    private Package stored(String name) {
        return server.client().get(Kinds.PACKAGE, "default", name).orElseThrow();
    }

    @Test
    void createGetUpdateListDelete() throws IOException {
        assertThat(cli.ok("pkg", "create", "--name", "pyapp", "--env", "python", "--deploy", "main.py", "--buildcmd", "./build.sh"))
                .isEqualTo("package 'pyapp' created\n");

        Package pkg = Codec.readResource(cli.ok("pkg", "get", "--name", "pyapp", "-o", "yaml"), Kinds.PACKAGE);
        String literal = Base64.getEncoder().encodeToString(pkg.spec().deployment().literal());
        assertThat(Codec.toJson(pkg.spec())).isEqualTo(Codec.toJson(Codec.fromYaml("""
                environment: {namespace: default, name: python}
                deployment: {type: literal, literal: "%s"}
                buildcmd: ./build.sh
                """.formatted(literal), PackageSpec.class)));
        // A single file given to --deploy is zipped, as Fission does (--code keeps it as it is).
        assertThat(zipEntries(pkg.spec().deployment().literal())).containsExactly("main.py");
        assertThat(pkg.status().buildstatus()).isEqualTo(PackageStatus.NONE);

        assertThat(cli.ok("pkg", "update", "--name", "pyapp", "--env", "python3")).isEqualTo("package 'pyapp' updated\n");
        assertThat(stored("pyapp").spec().environment().name()).isEqualTo("python3");
        assertThat(stored("pyapp").spec().buildcmd()).isEqualTo("./build.sh");

        String table = cli.ok("pkg", "list");
        assertThat(table.lines().findFirst().orElseThrow().split(" +"))
                .containsExactly("NAME", "BUILD_STATUS", "ENV", "LASTUPDATEDAT", "NAMESPACE");
        assertThat(table).containsPattern("(?m)^pyapp +none +python3 +.*default$");

        assertThat(cli.ok("pkg", "delete", "--name", "pyapp")).isEqualTo("package 'pyapp' deleted\n");
        assertThat(server.client().get(Kinds.PACKAGE, "default", "pyapp")).isEmpty();
    }

    @Test
    void sourcePackageWaitsForItsBuildAndGetsrcReturnsTheArchive() throws IOException {
        cli.ok("pkg", "create", "--name", "src", "--env", "python", "--src", "main.py", "--src", "requirements.txt");
        assertThat(stored("src").status().buildstatus()).isEqualTo(PackageStatus.PENDING);

        cli.ok("pkg", "getsrc", "--name", "src", "--output", "src.zip");
        assertThat(zipEntries(Files.readAllBytes(dir.resolve("src.zip")))).containsExactly("main.py", "requirements.txt");

        assertThat(cli.ok("pkg", "info", "--name", "src"))
                .isEqualTo("Name:        src\nEnvironment: python\nStatus:      pending\nBuild Logs:\n");
    }

    @Test
    void aSourceDirectoryIsArchivedByItsContentsAsFissionDoes() throws IOException {
        Path source = Files.createDirectories(dir.resolve("app/lib"));
        Files.writeString(dir.resolve("app/package.json"), "{}\n");
        Files.writeString(source.resolve("util.js"), "module.exports = 1;\n");
        cli.ok("pkg", "create", "--name", "fromdir", "--env", "nodejs", "--src", "app");

        cli.ok("pkg", "getsrc", "--name", "fromdir", "--output", "fromdir.zip");
        assertThat(zipEntries(Files.readAllBytes(dir.resolve("fromdir.zip")))).containsExactly("lib/util.js", "package.json");
    }

    @Test
    void getdeployWritesTheCodeToStandardOutput() {
        cli.ok("pkg", "create", "--name", "literal", "--env", "python", "--code", "main.py");
        assertThat(cli.ok("pkg", "getdeploy", "--name", "literal")).isEqualTo("def main():\n    return 'hi'\n");
    }

    @Test
    void generatedNameComesFromTheFirstFile() {
        String out = cli.ok("pkg", "create", "--env", "python", "--code", "main.py");
        assertThat(out).matches("package 'main-py-[a-z0-9]{4}' created\n");
    }

    @Test
    void functionsFollowTheirPackageToItsNewVersion() throws IOException {
        cli.ok("pkg", "create", "--name", "followed", "--env", "python", "--code", "main.py");
        cli.ok("fn", "create", "--name", "follower", "--pkgname", "followed");
        Files.writeString(dir.resolve("main.py"), "def main():\n    return 'v2'\n");

        cli.ok("pkg", "update", "--name", "followed", "--code", "main.py");

        String version = stored("followed").metadata().resourceVersion();
        var fn = server.client().get(Kinds.FUNCTION, "default", "follower").orElseThrow();
        assertThat(fn.spec().packageRef().packageRef().resourceVersion()).isEqualTo(version);
        assertThat(cli.ok("fn", "get", "--name", "follower")).isEqualTo("def main():\n    return 'v2'\n");
    }

    @Test
    void deleteRefusesAPackageInUseUnlessForced() {
        cli.ok("pkg", "create", "--name", "busy", "--env", "python", "--code", "main.py");
        cli.ok("fn", "create", "--name", "user", "--pkgname", "busy");

        Cli.Run refused = cli.run("pkg", "delete", "--name", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error: package 'busy' is used by function(s) user; use -f to delete it anyway\n");
        assertThat(server.client().get(Kinds.PACKAGE, "default", "busy")).isPresent();

        assertThat(cli.ok("pkg", "delete", "--name", "busy", "-f")).isEqualTo("package 'busy' deleted\n");
    }

    @Test
    void orphansAreListedAndDeleted() {
        cli.ok("pkg", "create", "--name", "orphan-one", "--env", "python", "--code", "main.py", "-n", "orphans");
        cli.ok("pkg", "create", "--name", "adopted", "--env", "python", "--code", "main.py", "-n", "orphans");
        cli.ok("fn", "create", "--name", "parent", "--pkgname", "adopted", "-n", "orphans");

        assertThat(cli.ok("pkg", "list", "--orphan", "-n", "orphans").lines().skip(1).map(l -> l.split(" ")[0]).toList())
                .containsExactly("orphan-one");
        assertThat(cli.ok("pkg", "delete", "--orphan", "-n", "orphans"))
                .isEqualTo("package 'orphan-one' deleted\norphan packages deleted\n");
        assertThat(server.client().list(Kinds.PACKAGE, "orphans", null).items()).extracting(Package::name).containsExactly("adopted");
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) names.add(entry.getName());
        }
        return names;
    }
}
