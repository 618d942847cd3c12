package io.fissile.cli.options;

import io.fissile.cli.output.OutputFormat;
import picocli.CommandLine.Option;

/** {@code -o yaml|json}: print objects for programs instead of a table. */
public final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "yaml|json",
            description = "Print the objects as yaml or json instead of a table")
    OutputFormat format;

    /** The format asked for, or null for the table. */
    public OutputFormat format() {
        return format;
    }
}
