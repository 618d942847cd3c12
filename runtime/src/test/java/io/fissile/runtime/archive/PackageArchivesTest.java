package io.fissile.runtime.archive;

import io.fissile.runtime.testing.ZipBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unpacking package zips: what is kept (directories, executables, inner links) and what is refused. */
class PackageArchivesTest {

    @TempDir
    Path dir;

    @Test
    void keepsDirectoriesExecutablesAndLinksThatStayInside() throws Exception {
        Path zip = write(new ZipBuilder()
                .directory("bin")
                .executable("bin/run.sh", "#!/bin/sh\necho hi\n")
                .file("data/words.txt", "hello")
                .symlink("words", "data/words.txt")
                .build());

        PackageArchives.unpack(zip, dir.resolve("out"), 0);

        assertThat(Files.getPosixFilePermissions(dir.resolve("out/bin/run.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("out/data/words.txt"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.isSymbolicLink(dir.resolve("out/words"))).isTrue();
        assertThat(Files.readString(dir.resolve("out/words"))).isEqualTo("hello");
    }

    @Test
    void refusesALinkThatLeavesThroughAnotherLink() throws Exception {
        Path zip = write(new ZipBuilder()
                .symlink("here", ".")
                .symlink("up", "here/..")
                .build());

        assertThatThrownBy(() -> PackageArchives.unpack(zip, dir.resolve("out"), 0))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("zip link \"up\" points outside the package directory");
    }

    @Test
    void refusesAbsolutePathsAndLinks() throws Exception {
        Path absoluteEntry = write(new ZipBuilder().file("/etc/cron.d/job", "* * * * * root true").build());
        assertThatThrownBy(() -> PackageArchives.unpack(absoluteEntry, dir.resolve("one"), 0))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("unsafe path");

        Path absoluteLink = write(new ZipBuilder().symlink("passwd", "/etc/passwd").build());
        assertThatThrownBy(() -> PackageArchives.unpack(absoluteLink, dir.resolve("two"), 0))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("points outside the package directory");
    }

    @Test
    void refusesALinkToNothing() throws Exception {
        Path zip = write(new ZipBuilder().symlink("dangling", "missing.txt").build());

        assertThatThrownBy(() -> PackageArchives.unpack(zip, dir.resolve("out"), 0))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("points to nothing");
    }

    @Test
    void stopsAtTheSizeLimitNamingTheEntry() throws Exception {
        Path zip = write(new ZipBuilder().file("small.txt", "a".repeat(100)).file("big.txt", "b".repeat(1000)).build());

        assertThatThrownBy(() -> PackageArchives.unpack(zip, dir.resolve("out"), 500))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("zip entry \"big.txt\"");
    }

    @Test
    void unpacksWhatItZippedAsItWas() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/bin"));
        Files.writeString(tree.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tree.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("tree/run"), Path.of("bin/run.sh"));
        Path zip = dir.resolve("tree.zip");

        PackageArchives.zip(dir.resolve("tree"), zip, 0);
        PackageArchives.unpack(zip, dir.resolve("out"), 0);

        assertThat(Files.getPosixFilePermissions(dir.resolve("out/bin/run.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readSymbolicLink(dir.resolve("out/run"))).isEqualTo(Path.of("bin/run.sh"));
    }

    @Test
    void tellsZipsFromOtherFiles() throws Exception {
        assertThat(PackageArchives.isZip(write(new ZipBuilder().file("a", "b").build()))).isTrue();
        assertThat(PackageArchives.isZip(write(new ZipBuilder().build()))).isTrue();
        assertThat(PackageArchives.isZip(write("module.exports = 1;".getBytes()))).isFalse();
    }

    private Path write(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(dir, "archive", ".zip"), bytes);
    }
}
