package io.fissile.environments.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing a function's source files for a test. */
public final class FunctionFiles {
    private FunctionFiles() {}

    /** Writes {@code content} to {@code file}, creating its directories; returns the file. */
    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
