package io.fissile.spec;

import io.fissile.api.Codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes objects into a spec directory instead of sending them to the server, as the CLI's
 * {@code --spec} flag does: one YAML file with one document per object.
 */
public final class SpecWriter {
    private SpecWriter() {
    }

    /**
     * Writes {@code objects} (resources, ArchiveUploadSpecs) to {@code specDir/fileName}, replacing
     * a file of that name, and returns the file written.
     */
    public static Path write(Path specDir, String fileName, List<?> objects) {
        Path file = specDir.resolve(fileName);
        String yaml = objects.stream().map(Codec::toYaml).collect(Collectors.joining("\n---\n"));
        try {
            Files.createDirectories(specDir);
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
