package io.fissile.cli.commands.environment;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.CommandLines;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Cells;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;

/** {@code fissile environment} (alias {@code env}). */
public final class EnvironmentCommands {
    public static final ResourceType<Environment> TYPE = new ResourceType<>(Kinds.ENVIRONMENT, "environment", "environments", "env",
            List.of(Column.of("NAME", Environment::name),
                    Column.of("IMAGE", e -> e.spec().runtime() == null ? null : e.spec().runtime().image()),
                    Column.of("BUILDER_IMAGE", e -> e.spec().builder() == null ? null : e.spec().builder().image()),
                    Column.of("POOLSIZE", e -> Cells.number(e.spec().poolsize())),
                    Column.of("MINCPU", e -> Cells.request(e.spec().resources(), ResourceRequirements.CPU)),
                    Column.of("MAXCPU", e -> Cells.limit(e.spec().resources(), ResourceRequirements.CPU)),
                    Column.of("MINMEMORY", e -> Cells.request(e.spec().resources(), ResourceRequirements.MEMORY)),
                    Column.of("MAXMEMORY", e -> Cells.limit(e.spec().resources(), ResourceRequirements.MEMORY)),
                    Column.of("EXTNET", e -> Cells.bool(e.spec().allowAccessToExternalNetwork())),
                    Column.of("GRACETIME", e -> Cells.number(e.spec().terminationGracePeriod())),
                    Column.of("NAMESPACE", Environment::namespace)));

    private EnvironmentCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("environment", new String[]{"env"}, "Create, update and manage environments",
                new EnvironmentCreate(),
                GetResource.command(TYPE),
                new EnvironmentUpdate(),
                CommandLines.described(new EnvironmentDelete(), "Delete an environment"),
                ListResources.command(TYPE));
    }
}
