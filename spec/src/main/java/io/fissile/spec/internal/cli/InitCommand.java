package io.fissile.spec.internal.cli;

import io.fissile.spec.SpecInitializer;
import io.fissile.spec.SpecReader;
import io.fissile.api.v1.DeploymentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code spec init}: creates a spec directory with its DeploymentConfig. */
@Command(name = "init", description = "Create a spec directory with a new deployment config")
public final class InitCommand extends SpecSubcommand {
    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the deployment (default: the current directory's name)")
    String name;

    @Option(names = {"--deployid", "--id"}, paramLabel = "UID", description = "Uid of the deployment (default: a random UUID)")
    String deployId;

    @Option(names = "--specdir", paramLabel = "DIR", defaultValue = SpecReader.DEFAULT_SPEC_DIR,
            description = "Directory to create (default: ${DEFAULT-VALUE})")
    String specDir;

    @Override
    protected int execute() {
        Path dir = Path.of(specDir);
        DeploymentConfig config = SpecInitializer.init(dir, name, deployId, Path.of("").toAbsolutePath());
        out().println("Created spec directory " + dir + " for deployment " + config.name() + " (uid " + config.uid() + ")");
        return 0;
    }
}
