package io.fissile.environments.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a runtime's files out of the class path, as Fissile's process runtime extracts them from the
 * environment's jar: the directory's {@code runtime-files.txt} lists them, one relative path a line.
 */
public final class RuntimeFiles {
    public static final String INDEX = "runtime-files.txt";

    private RuntimeFiles() {}

    public static List<String> list(String resourceDirectory) {
        String index = new String(read(resourceDirectory + "/" + INDEX), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public static Path extract(String resourceDirectory, Path target) {
        try {
            for (String file : list(resourceDirectory)) {
                Path destination = target.resolve(file);
                Files.createDirectories(destination.getParent());
                Files.write(destination, read(resourceDirectory + "/" + file));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files in the directory that holds the index, when the class path has it as a directory (as in a build). */
    public static List<String> filesInDirectory(String resourceDirectory) {
        URL index = RuntimeFiles.class.getClassLoader().getResource(resourceDirectory + "/" + INDEX);
        if (index == null || !"file".equals(index.getProtocol())) {
            throw new IllegalStateException("not a directory on the class path: " + resourceDirectory);
        }
        Path root;
        try {
            root = Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString())
                    .filter(file -> !file.equals(INDEX))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = RuntimeFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
