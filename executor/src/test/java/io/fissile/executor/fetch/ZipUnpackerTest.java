package io.fissile.executor.fetch;

import io.fissile.executor.ZipBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unpacking deployment zips: what is kept (directories, executables, inner links) and what is refused. */
class ZipUnpackerTest {

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

        ZipUnpacker.unpack(zip, dir.resolve("out"));

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

        assertThatThrownBy(() -> ZipUnpacker.unpack(zip, dir.resolve("out")))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("zip link \"up\" points outside the package directory");
    }

    @Test
    void refusesAbsolutePathsAndLinks() throws Exception {
        Path absoluteEntry = write(new ZipBuilder().file("/etc/cron.d/job", "* * * * * root true").build());
        assertThatThrownBy(() -> ZipUnpacker.unpack(absoluteEntry, dir.resolve("one")))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("unsafe path");

        Path absoluteLink = write(new ZipBuilder().symlink("passwd", "/etc/passwd").build());
        assertThatThrownBy(() -> ZipUnpacker.unpack(absoluteLink, dir.resolve("two")))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("points outside the package directory");
    }

    @Test
    void refusesALinkToNothing() throws Exception {
        Path zip = write(new ZipBuilder().symlink("dangling", "missing.txt").build());

        assertThatThrownBy(() -> ZipUnpacker.unpack(zip, dir.resolve("out")))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("points to nothing");
    }

    @Test
    void tellsZipsFromOtherFiles() throws Exception {
        assertThat(ZipUnpacker.isZip(write(new ZipBuilder().file("a", "b").build()))).isTrue();
        assertThat(ZipUnpacker.isZip(write(new ZipBuilder().build()))).isTrue();
        assertThat(ZipUnpacker.isZip(write("module.exports = 1;".getBytes()))).isFalse();
    }

    private Path write(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(dir, "archive", ".zip"), bytes);
    }
}
