package io.fissile.cli.commands.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removes temporary archives once a command is done with them. */
public final class TempFiles {
    private TempFiles() {
    }

    public static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
