package io.fissile.spec;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI's --spec flag writes reads back as the same objects. */
class SpecWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writtenObjectsReadBackFromTheSpecDirectory() throws Exception {
        Path specs = tmp.resolve("specs");
        SpecInitializer.init(specs, "shop", "uid-1", tmp);
        ArchiveUploadSpec archive = new ArchiveUploadSpec().name("cart-js").include(List.of("cart.js"));
        Package pkg = Kinds.PACKAGE.create("default", "cart");
        pkg.spec().environment(Reference.to("nodejs")).deployment(new Archive().type(Archive.URL).url("archive://cart-js"));
        Files.writeString(tmp.resolve("cart.js"), "module.exports = () => 'cart';\n");

        Path file = SpecWriter.write(specs, "package-cart.yaml", List.of(archive, pkg));

        assertThat(Files.readString(file)).endsWith("\n").contains("\n---\n");
        assertThat(specs).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".part"));
        SpecSet read = SpecReader.read(specs);
        assertThat(read.problems()).isEmpty();
        assertThat(read.archives()).extracting(a -> a.value().name()).containsExactly("cart-js");
        assertThat(read.resources(Kinds.PACKAGE)).singleElement().satisfies(p -> {
            assertThat(p.value().spec().deployment().url()).isEqualTo("archive://cart-js");
            assertThat(p.location().toString()).isEqualTo(file + ", document 2 (line 6)");
        });
    }
}
