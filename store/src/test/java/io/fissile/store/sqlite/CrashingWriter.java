package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: creates functions for ever, printing each name
 * only once its create has returned, i.e. once the store has acknowledged it.
 * Arguments: the database file and a prefix for the names.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        SqliteResourceStore store = SqliteResourceStore.open(file);
        for (int i = 0; ; i++) {
            String name = prefix + "-" + i;
            store.create(Samples.function("default", name));
            System.out.println(name);
            System.out.flush();
        }
    }
}
