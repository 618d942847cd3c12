package io.fissile.spec;

import io.fissile.api.Codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes objects into a spec directory instead of sending them to the server, as the CLI's
 * {@code --spec} flag does: one YAML file with one document per object, in Fission's layout, so
 * that {@code spec apply} (Fissile's or Fission's) reads it back.
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
        String yaml = objects.stream().map(Codec::toYaml).map(SpecWriter::endingInNewline).collect(Collectors.joining("---\n"));
        try {
            Files.createDirectories(specDir);
            // Written beside the target and moved into place, so that a watching apply never reads half a file.
            Path partial = Files.createTempFile(specDir, "." + fileName, ".part");
            try {
                Files.writeString(partial, yaml, StandardCharsets.UTF_8);
                move(partial, file);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String endingInNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
