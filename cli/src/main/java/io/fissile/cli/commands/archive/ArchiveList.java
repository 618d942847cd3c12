package io.fissile.cli.commands.archive;

import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.options.OutputOption;
import io.fissile.cli.output.Column;
import io.fissile.cli.output.Printer;
import io.fissile.cli.output.Table;
import io.fissile.client.ControllerClient.ArchiveRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code archive list [-o yaml|json]}. */
@Command(name = "list", description = "List all uploaded archives")
public final class ArchiveList extends FissileCommand {
    private static final Table<ArchiveRef> TABLE = new Table<>(List.of(
            Column.of("ID", ArchiveRef::id),
            Column.of("SIZE", ArchiveRef::size),
            Column.of("CREATED", ArchiveRef::created)));

    @Mixin
    OutputOption output;

    @Override
    protected void run() {
        List<ArchiveRef> archives = session().client().listArchives().stream()
                .sorted(Comparator.comparing(ArchiveRef::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        if (output.format() == null) {
            TABLE.print(session().out(), archives);
        } else {
            Printer.print(session().out(), Map.of("items", archives), output.format());
        }
    }
}
