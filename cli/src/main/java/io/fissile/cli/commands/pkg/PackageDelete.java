package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code pkg delete --name N [-f] | --orphan}: refuses to pull a package from under its functions unless forced. */
@Command(name = "delete", description = "Delete a package, or with --orphan every package no function uses")
public final class PackageDelete extends FissileCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Package name")
    String name;

    @Option(names = {"-f", "--force"}, description = "Delete the package even if functions use it")
    boolean force;

    @Option(names = "--orphan", description = "Delete every package of the namespace that no function uses")
    boolean orphan;

    @Option(names = "--ignorenotfound", description = "Treat \"not found\" as a successful delete")
    boolean ignoreNotFound;

    @Override
    protected void run() {
        if (name == null && !orphan) throw new CliException("need --name or --orphan");
        if (name != null) deleteNamed();
        if (orphan) deleteOrphans();
    }

    private void deleteNamed() {
        if (Resources.find(session(), PackageCommands.TYPE.kind(), session().namespace(), name).isEmpty()) {
            if (ignoreNotFound) return;
            throw Resources.notFound(PackageCommands.TYPE, name, session().namespace());
        }
        List<Function> users = PackageUsers.of(session(), session().namespace(), name);
        if (!force && !users.isEmpty()) {
            throw new CliException(PackageCommands.TYPE.named(name) + " is used by function(s) "
                    + String.join(", ", users.stream().map(Function::name).toList()) + "; use -f to delete it anyway");
        }
        Resources.delete(session(), PackageCommands.TYPE, name, ignoreNotFound);
    }

    private void deleteOrphans() {
        for (Package pkg : PackageList.orphans(session(), Resources.list(session(), PackageCommands.TYPE.kind(), false))) {
            Resources.delete(session(), PackageCommands.TYPE, pkg.name(), true);
        }
        session().out().println("orphan packages deleted");
    }
}
