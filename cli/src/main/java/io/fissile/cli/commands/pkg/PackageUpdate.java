package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.CodeOptions;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code pkg update --name N [--env E] [--code F | --deploy F... | --src F...] [--buildcmd C] [-f]}. */
@Command(name = "update", description = "Update a package")
public final class PackageUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Option(names = "--env", paramLabel = "ENVIRONMENT", description = "Environment the package runs in")
    String environment;

    @Mixin
    CodeOptions code;

    @Option(names = {"-f", "--force"}, description = "Update the package even if several functions use it")
    boolean force;

    @Override
    protected void run() {
        if (environment == null && code.buildCommand() == null && !code.hasArchives()) {
            throw new CliException("nothing to update; give --env, --code, --deploy, --src or --buildcmd");
        }
        Package pkg = Resources.require(session(), PackageCommands.TYPE, name.name());
        List<Function> users = PackageUsers.of(session(), pkg.namespace(), pkg.name());
        if (!force && users.size() > 1) {
            throw new CliException(PackageCommands.TYPE.named(pkg.name()) + " is used by " + users.size()
                    + " functions; use --force to update it anyway");
        }
        CodePackages.update(session(), pkg, environment, code, users);
    }
}
