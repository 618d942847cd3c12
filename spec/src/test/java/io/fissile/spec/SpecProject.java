package io.fissile.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A project directory (sources and specs/) copied from the test resources into a temporary directory, to edit freely. */
final class SpecProject {
    private final Path root;

    private SpecProject(Path root) {
        this.root = root;
    }

    /** Copies {@code src/test/resources/projects/<name>} into {@code target}. */
    static SpecProject copy(String name, Path target) {
        try {
            Path source = Path.of(SpecProject.class.getResource("/projects/" + name).toURI());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
            return new SpecProject(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path root() {
        return root;
    }

    Path specDir() {
        return root.resolve("specs");
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SpecProject write(String relative, String text) {
        try {
            Files.createDirectories(file(relative).getParent());
            Files.writeString(file(relative), text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text that must be in the file. */
    SpecProject edit(String relative, String from, String to) {
        String text = read(relative);
        if (!text.contains(from)) throw new IllegalArgumentException(relative + " does not contain " + from);
        return write(relative, text.replace(from, to));
    }

    SpecProject delete(String relative) {
        try {
            Files.delete(file(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SpecSet read() {
        return SpecReader.read(specDir());
    }
}
