package io.fissile.spec;

import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.client.Archives;
import io.fissile.spec.internal.ArchiveInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which files an ArchiveUploadSpec packs, under which names, and that zipping them is repeatable. */
class ArchiveInputsTest {
    @TempDir
    Path project;

    @BeforeEach
    void sources() throws IOException {
        write("hello.js", "hello");
        write("src/index.js", "index");
        write("src/util.js", "util");
        write("src/README.md", "readme");
        write("src/lib/deep.js", "deep");
        write("src/lib/deeper/deepest.js", "deepest");
        write("src/test/index.test.js", "test");
    }

    private void write(String relative, String text) throws IOException {
        Files.createDirectories(project.resolve(relative).getParent());
        Files.writeString(project.resolve(relative), text);
    }

    private static ArchiveUploadSpec spec(List<String> include, List<String> exclude) {
        return new ArchiveUploadSpec().name("code").include(include).exclude(exclude);
    }

    private List<String> names(ArchiveUploadSpec spec) {
        return ArchiveInputs.resolve(spec, project).entries().stream().map(ArchiveInputs.Entry::name).toList();
    }

    @Test
    void aPlainFileIsUsedAsItIs() {
        ArchiveInputs.Inputs inputs = ArchiveInputs.resolve(spec(List.of("hello.js"), null), project);

        assertThat(inputs.singleFile()).isTrue();
        assertThat(inputs.entries()).extracting(ArchiveInputs.Entry::file).containsExactly(project.resolve("hello.js"));
    }

    @Test
    void aStarMatchesWithinOneDirectoryAndNamesFilesBelowTheGlobsFixedPart() {
        assertThat(names(spec(List.of("src/*.js"), null))).containsExactly("index.js", "util.js");
    }

    @Test
    void aDoubleStarMatchesAtAnyDepthKeepingThePathBelowTheFixedPart() {
        assertThat(names(spec(List.of("src/**/*.js"), null)))
                .containsExactly("index.js", "lib/deep.js", "lib/deeper/deepest.js", "test/index.test.js", "util.js");
    }

    @Test
    void aDirectoryIsPackedWithItsContentsUnderItsName() {
        ArchiveInputs.Inputs inputs = ArchiveInputs.resolve(spec(List.of("src/lib"), null), project);

        assertThat(inputs.singleFile()).isFalse();
        assertThat(inputs.entries()).extracting(ArchiveInputs.Entry::name).containsExactly("lib/deep.js", "lib/deeper/deepest.js");
    }

    @Test
    void excludeGlobsDropFilesAndWholeDirectories() {
        assertThat(names(spec(List.of("src"), List.of("src/test", "**/*.md"))))
                .containsExactly("src/index.js", "src/lib/deep.js", "src/lib/deeper/deepest.js", "src/util.js");
    }

    @Test
    void globsAreRelativeToTheRootdirWhenItIsSet() {
        ArchiveUploadSpec spec = spec(List.of("*.js"), null).rootDir("src");

        assertThat(names(spec)).containsExactly("index.js", "util.js");
    }

    @Test
    void globsThatMatchNothingAreAnErrorSayingWhereTheyLooked() {
        assertThatThrownBy(() -> ArchiveInputs.resolve(spec(List.of("dist/*.js"), null), project))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matches no files").hasMessageContaining("dist/*.js").hasMessageContaining(project.toString());
    }

    @Test
    void twoFilesThatWouldShareANameAreAnError() throws IOException {
        write("other/deep.js", "another deep");

        assertThatThrownBy(() -> ArchiveInputs.resolve(spec(List.of("src/lib/*.js", "other/*.js"), null), project))
                .hasMessageContaining("two files would be packed as \"deep.js\"");
    }

    @Test
    void aFileMatchedTwiceIsPackedOnce() {
        assertThat(names(spec(List.of("src/index.js", "src/*.js"), null))).containsExactly("index.js", "util.js");
    }

    @Test
    void zippingTheSameFilesTwiceGivesTheSameBytesWithEntriesInOrder() throws IOException {
        var entries = ArchiveInputs.resolve(spec(List.of("src/**/*.js", "hello.js"), null), project).filesByName();
        byte[] first = Files.readAllBytes(Archives.zip(entries, project.resolve("first.zip")));
        Files.setLastModifiedTime(project.resolve("src/util.js"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        byte[] second = Files.readAllBytes(Archives.zip(entries, project.resolve("second.zip")));

        assertThat(second).isEqualTo(first);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(project.resolve("second.zip")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) names.add(e.getName());
        }
        assertThat(names).containsExactly("hello.js", "index.js", "lib/deep.js", "lib/deeper/deepest.js", "test/index.test.js", "util.js");
    }
}
