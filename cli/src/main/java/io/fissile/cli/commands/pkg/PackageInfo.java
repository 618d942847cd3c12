package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Package;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

/** {@code pkg info --name N}: name, environment, build status and build log. */
@Command(name = "info", description = "Show package information")
public final class PackageInfo extends FissileCommand {
    @Mixin
    RequiredName name;

    @Override
    protected void run() {
        Package pkg = Resources.require(session(), PackageCommands.TYPE, name.name());
        PrintWriter out = session().out();
        out.println(field("Name:") + pkg.name());
        out.println(field("Environment:") + (pkg.spec().environment() == null ? "" : pkg.spec().environment().name()));
        out.println(field("Status:") + (pkg.status() == null || pkg.status().buildstatus() == null ? "" : pkg.status().buildstatus()));
        out.println("Build Logs:");
        String log = pkg.status() == null ? null : pkg.status().buildlog();
        if (log != null && !log.isEmpty()) out.println(log.replace("\\n", "\n").stripTrailing());
    }

    private static String field(String label) {
        return String.format("%-13s", label);
    }
}
