package io.fissile.builder.internal;

import io.fissile.runtime.RuntimeKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shipped builders' scripts, written out once per server as {@code <dir>/<runtime>/build}: a
 * build sees its builder's directory on PATH, so the default command {@code build} (and a custom
 * build command that calls {@code build}) runs the shipped one.
 */
public final class BuildScripts {

    public static final String DEFAULT_COMMAND = "build";

    private final Map<RuntimeKind, Path> dirs = new EnumMap<>(RuntimeKind.class);

    private BuildScripts() {
    }

    public static BuildScripts install(Path dir) {
        BuildScripts scripts = new BuildScripts();
        for (RuntimeKind kind : RuntimeKind.values()) {
            Path kindDir = dir.resolve(kind.fissileName());
            String resource = "/io/fissile/builder/scripts/" + kind.fissileName() + ".sh";
            try (InputStream in = BuildScripts.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("the builder script " + resource + " is missing from the jar");
                Files.createDirectories(kindDir);
                Path script = kindDir.resolve(DEFAULT_COMMAND);
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("r-xr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the builder scripts to " + dir, e);
            }
            scripts.dirs.put(kind, kindDir);
        }
        return scripts;
    }

    /** The directory holding the builder's {@code build} script. */
    public Path dirOf(RuntimeKind kind) {
        return dirs.get(kind);
    }
}
