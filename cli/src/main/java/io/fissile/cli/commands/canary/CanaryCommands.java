package io.fissile.cli.commands.canary;

import io.fissile.api.v1.CanaryConfig;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Cells;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;

/** {@code fissile canary} (aliases {@code canaryconfig}, {@code canary-config}). */
public final class CanaryCommands {
    public static final ResourceType<CanaryConfig> TYPE = new ResourceType<>(Kinds.CANARY_CONFIG, "canary config", "canary configs",
            "canaryconfig",
            List.of(Column.of("NAME", CanaryConfig::name),
                    Column.of("TRIGGER", c -> c.spec().trigger()),
                    Column.of("FUNCTION-N", c -> c.spec().newFunction()),
                    Column.of("FUNCTION-N-1", c -> c.spec().oldFunction()),
                    Column.of("WEIGHT-INCREMENT", c -> Cells.number(c.spec().weightIncrement())),
                    Column.of("INTERVAL", c -> c.spec().duration()),
                    Column.of("FAILURE-THRESHOLD", c -> Cells.number(c.spec().failureThreshold())),
                    Column.of("FAILURE-TYPE", c -> c.spec().failureType()),
                    Column.of("STATUS", c -> c.status() == null ? null : c.status().status())));

    private CanaryCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("canary", new String[]{"canaryconfig", "canary-config"}, "Create, update and manage canary configs",
                new CanaryCreate(),
                GetResource.command(TYPE),
                new CanaryUpdate(),
                DeleteResource.command(TYPE),
                ListResources.command(TYPE));
    }
}
