package io.fissile.cli.options;

import io.fissile.cli.commands.resource.Names;
import picocli.CommandLine.Option;

/** {@code --name} of an object to create; Fission generates one when it is left out. */
public final class OptionalName {
    @Option(names = "--name", paramLabel = "NAME", description = "The object's name (generated when left out)")
    String name;

    /** The name given, or a new unique one. */
    public String nameOrGenerated() {
        return name == null || name.isBlank() ? Names.generated() : name;
    }
}
