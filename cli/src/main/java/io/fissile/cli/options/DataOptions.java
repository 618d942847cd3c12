package io.fissile.cli.options;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --from-literal KEY=VALUE} and {@code --from-file [KEY=]PATH}, as kubectl reads them: the
 * values of a secret or config map. A file's key is its name unless one is given; a directory gives
 * one key per regular file in it.
 */
public final class DataOptions {
    @Option(names = "--from-literal", paramLabel = "KEY=VALUE", description = "A key and its value; repeat for several")
    List<String> literals;

    @Option(names = "--from-file", paramLabel = "[KEY=]PATH",
            description = "A file's content under its name (or KEY); a directory adds each file in it; repeat for several")
    List<String> files;

    /** True when neither flag was given. */
    public boolean isEmpty() {
        return (literals == null || literals.isEmpty()) && (files == null || files.isEmpty());
    }

    /** The values by key, in the order given; a key given twice is an error. */
    public Map<String, byte[]> read(Session session) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (literals != null) {
            for (String literal : literals) {
                int eq = literal.indexOf('=');
                if (eq <= 0) throw new CliException("--from-literal \"" + literal + "\" is not KEY=VALUE");
                put(values, literal.substring(0, eq), literal.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
            }
        }
        if (files != null) {
            for (String file : files) readFile(session, file, values);
        }
        return values;
    }

    private static void readFile(Session session, String given, Map<String, byte[]> values) {
        int eq = given.indexOf('=');
        String key = eq > 0 ? given.substring(0, eq) : null;
        Path path = session.path(eq > 0 ? given.substring(eq + 1) : given);
        try {
            if (Files.isDirectory(path)) {
                if (key != null) throw new CliException("--from-file " + given + ": a directory cannot take a key");
                try (Stream<Path> entries = Files.list(path)) {
                    for (Path file : entries.filter(Files::isRegularFile).sorted().toList()) {
                        put(values, file.getFileName().toString(), Files.readAllBytes(file));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                put(values, key != null ? key : path.getFileName().toString(), Files.readAllBytes(path));
            } else {
                throw new CliException("--from-file " + given + ": no such file or directory");
            }
        } catch (IOException e) {
            throw new CliException("--from-file " + given + ": cannot read it: " + e.getMessage());
        }
    }

    private static void put(Map<String, byte[]> values, String key, byte[] value) {
        if (values.putIfAbsent(key, value) != null) throw new CliException("key \"" + key + "\" is given more than once");
    }
}
