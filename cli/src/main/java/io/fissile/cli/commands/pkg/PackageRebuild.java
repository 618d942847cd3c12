package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pkg rebuild --name N}: builds a package whose build failed again, from the source it holds. */
@Command(name = "rebuild", description = "Rebuild a package whose build failed")
public final class PackageRebuild extends FissileCommand {
    @Mixin
    RequiredName name;

    @Override
    protected void run() {
        Package pkg = Resources.require(session(), PackageCommands.TYPE, name.name());
        String status = pkg.status() == null ? null : pkg.status().buildstatus();
        // As Fission: only a failed build is retried; any other state is either on its way or done.
        if (!PackageStatus.FAILED.equals(status)) {
            throw new CliException(PackageCommands.TYPE.named(pkg.name()) + " is " + (status == null ? "not built" : status)
                    + "; only a package whose build failed can be rebuilt (update its source to build it again)");
        }
        if (pkg.spec().source() == null || pkg.spec().source().isEmpty()) {
            throw new CliException(PackageCommands.TYPE.named(pkg.name()) + " has no source archive to build");
        }
        CodePackages.markForBuild(session(), pkg);
        session().out().println("retrying build for " + PackageCommands.TYPE.named(pkg.name()));
    }
}
