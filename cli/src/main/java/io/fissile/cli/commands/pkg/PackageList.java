package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.ListResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code pkg list [--orphan] [--status S] [-A]}. */
@Command(name = "list", description = "List packages")
public final class PackageList extends ListResources<Package> {
    @Option(names = "--orphan", description = "Only packages no function uses")
    boolean orphan;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only packages with this build status (pending, running, succeeded, failed, none)")
    String status;

    public PackageList() {
        super(PackageCommands.TYPE);
    }

    @Override
    protected List<Package> select(List<Package> packages) {
        List<Package> selected = orphan ? orphans(session(), packages) : packages;
        if (status == null) return selected;
        return selected.stream().filter(p -> p.status() != null && status.equals(p.status().buildstatus())).toList();
    }

    /** The packages no function of their namespace refers to. */
    static List<Package> orphans(Session session, List<Package> packages) {
        List<Function> functions = session.client().list(Kinds.FUNCTION, null, null).items();
        return packages.stream()
                .filter(p -> functions.stream().noneMatch(fn -> PackageUsers.refersTo(fn, p.namespace(), p.name())))
                .toList();
    }
}
