package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.OutputOption;
import io.fissile.cli.options.RequiredName;
import io.fissile.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Map;

/** {@code fn getmeta --name N [-o yaml|json]}: the function object rather than its code. */
@Command(name = "getmeta", description = "Get function metadata")
public final class FunctionMeta extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    OutputOption output;

    @Override
    protected void run() {
        Function fn = Resources.require(session(), FunctionCommands.TYPE, name.name());
        if (output.format() != null) {
            Printer.print(session().out(), fn, output.format());
            return;
        }
        PrintWriter out = session().out();
        out.println("Name: " + fn.name());
        out.println("Environment: " + (fn.spec().environment() == null ? "" : fn.spec().environment().name()));
        printMap(out, "Labels:", fn.metadata().labels());
        printMap(out, "Annotations:", fn.metadata().annotations());
    }

    private static void printMap(PrintWriter out, String heading, Map<String, String> values) {
        if (values == null || values.isEmpty()) return;
        out.println(heading);
        values.forEach((k, v) -> out.println("  " + k + "=" + v));
    }
}
