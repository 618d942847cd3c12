package io.fissile.environments.jvm.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Secrets or config maps as Fission mounts them: one file per key at
 * {@code <root>/<namespace>/<name>/<key>}.
 *
 * @param kind what the files are, for messages: "secret" or "config map"
 * @param root the directory holding the namespaces
 */
record MountedFiles(String kind, Path root) {

    String read(String namespace, String name, String key) {
        Path file = root.resolve(segment("namespace", namespace))
                .resolve(segment(kind + " name", name))
                .resolve(segment("key", key));
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(kind + " " + name + " has no key " + key + " in namespace " + namespace
                    + ": " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kind + " " + name + "/" + key + " at " + file + ": " + e, e);
        }
    }

    /** One path element, so that a name taken from a request cannot reach files elsewhere. */
    private static String segment(String what, String value) {
        if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")
                || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid " + what + ": " + value);
        }
        return value;
    }
}
