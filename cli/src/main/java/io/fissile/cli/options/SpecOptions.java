package io.fissile.cli.options;

import io.fissile.api.Codec;
import io.fissile.api.Resource;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.cli.commands.Session;
import io.fissile.spec.SpecWriter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --spec}, {@code --specdir}, {@code --specfile} and {@code --dry}: write YAML instead of calling the server. */
public final class SpecOptions {
    @Option(names = "--spec", description = "Save to the spec directory instead of creating on the server")
    boolean save;

    @Option(names = "--specdir", paramLabel = "DIR", defaultValue = "specs",
            description = "Directory to store specs in (default: ${DEFAULT-VALUE})")
    String directory;

    @Option(names = "--specfile", paramLabel = "FILE", description = "File name in the spec directory (default: <kind>-<name>.yaml)")
    String file;

    @Option(names = "--dry", description = "Print the generated specs instead of saving or creating them")
    boolean dry;

    /** True when the objects go to a spec file or the screen rather than to the server. */
    public boolean active() {
        return save || dry;
    }

    /** The namespace to write into objects: spec files name one only when -n was given, so they apply anywhere. */
    public String namespace(Session session) {
        return active() ? session.explicitNamespace() : session.namespace();
    }

    /** Prints ({@code --dry}) or saves the objects as one YAML file with a document each. */
    public void write(Session session, String defaultFileName, List<?> objects) {
        if (dry) {
            session.out().println(objects.stream().map(Codec::toYaml).collect(Collectors.joining("---\n")).stripTrailing());
            return;
        }
        Path written = SpecWriter.write(session.path(directory), file == null || file.isBlank() ? defaultFileName : file, objects);
        Path shown = written.startsWith(session.workingDirectory()) ? session.workingDirectory().relativize(written) : written;
        for (Object object : objects) {
            session.out().println("Saving " + describe(object) + " to '" + shown + "'");
        }
    }

    private static String describe(Object object) {
        return switch (object) {
            case Resource<?, ?> r -> r.kind() + " '" + (r.metadata().namespace() == null ? "" : r.metadata().namespace() + "/") + r.name() + "'";
            case ArchiveUploadSpec a -> ArchiveUploadSpec.KIND + " '" + a.name() + "'";
            default -> object.getClass().getSimpleName();
        };
    }
}
