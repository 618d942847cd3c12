package io.fissile.cli.options;

import picocli.CommandLine.Option;

/** {@code --name} of the object a command works on. */
public final class RequiredName {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The object's name")
    String name;

    public String name() {
        return name;
    }
}
