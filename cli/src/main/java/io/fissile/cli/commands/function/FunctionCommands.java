package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.CommandLines;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Cells;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;

/** {@code fissile function} (alias {@code fn}). */
public final class FunctionCommands {
    public static final ResourceType<Function> TYPE = new ResourceType<>(Kinds.FUNCTION, "function", "functions", "function",
            List.of(Column.of("NAME", Function::name),
                    Column.of("ENV", f -> f.spec().environment() == null ? null : f.spec().environment().name()),
                    Column.of("EXECUTORTYPE", f -> f.spec().executionStrategy().executorType()),
                    Column.of("MINSCALE", f -> Cells.number(f.spec().executionStrategy().minScale())),
                    Column.of("MAXSCALE", f -> Cells.number(f.spec().executionStrategy().maxScale())),
                    Column.of("MINCPU", f -> Cells.request(f.spec().resources(), ResourceRequirements.CPU)),
                    Column.of("MAXCPU", f -> Cells.limit(f.spec().resources(), ResourceRequirements.CPU)),
                    Column.of("MINMEMORY", f -> Cells.request(f.spec().resources(), ResourceRequirements.MEMORY)),
                    Column.of("MAXMEMORY", f -> Cells.limit(f.spec().resources(), ResourceRequirements.MEMORY)),
                    Column.of("SECRETS", f -> names(f.spec().secrets())),
                    Column.of("CONFIGMAPS", f -> names(f.spec().configmaps())),
                    Column.of("NAMESPACE", Function::namespace)));

    private FunctionCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("function", new String[]{"fn"}, "Create, update and manage functions",
                new FunctionCreate(),
                new FunctionCode(),
                new FunctionMeta(),
                new FunctionUpdate(),
                CommandLines.described(new FunctionDelete(), "Delete a function (and the package made for it, when no other function uses it)"),
                ListResources.command(TYPE),
                new FunctionLog(),
                new FunctionTest(),
                new ContainerRun(),
                new ContainerUpdate());
    }

    private static List<String> names(List<Reference> references) {
        return references == null ? null : references.stream().map(Reference::name).toList();
    }
}
