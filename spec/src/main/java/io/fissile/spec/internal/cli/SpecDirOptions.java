package io.fissile.spec.internal.cli;

import io.fissile.spec.ReadOptions;
import io.fissile.spec.SpecReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Fission's {@code --specdir} and {@code --specignore}. */
public final class SpecDirOptions {
    @Option(names = "--specdir", paramLabel = "DIR", defaultValue = SpecReader.DEFAULT_SPEC_DIR,
            description = "Directory of the spec files (default: ${DEFAULT-VALUE})")
    String specDir;

    @Option(names = "--specignore", paramLabel = "FILE", defaultValue = SpecReader.DEFAULT_IGNORE_FILE,
            description = "File in the spec directory listing spec files to ignore, in .gitignore syntax (default: ${DEFAULT-VALUE})")
    String specIgnore;

    public Path specDir() {
        return Path.of(specDir);
    }

    public ReadOptions readOptions() {
        return ReadOptions.of(specDir()).withIgnoreFile(specIgnore);
    }
}
