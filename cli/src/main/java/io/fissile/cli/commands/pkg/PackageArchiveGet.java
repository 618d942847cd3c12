package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Package;
import io.fissile.cli.commands.CommandLines;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code pkg getsrc} and {@code pkg getdeploy}: a package's archive, to a file or standard output. */
@Command
public final class PackageArchiveGet extends FissileCommand {
    /** Which of the two archives of a package. */
    public enum Side {
        SOURCE("getsrc", "source"), DEPLOYMENT("getdeploy", "deployment");

        final String command;
        final String noun;

        Side(String command, String noun) {
            this.command = command;
            this.noun = noun;
        }
    }

    @Mixin
    RequiredName name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "File to save the archive to (default: standard output)")
    String output;

    private final Side side;

    private PackageArchiveGet(Side side) {
        this.side = side;
    }

    public static CommandLine command(Side side) {
        CommandLine line = CommandLines.described(new PackageArchiveGet(side), "Get the " + side.noun + " archive of a package");
        line.getCommandSpec().name(side.command);
        return line;
    }

    @Override
    protected void run() {
        Package pkg = Resources.require(session(), PackageCommands.TYPE, name.name());
        Path file = ArchiveContent.fetch(session(), chosen(pkg), PackageCommands.TYPE.named(pkg.name()) + "'s " + side.noun + " archive");
        try {
            if (output != null) {
                Files.copy(file, session().path(output), StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    session().writeRaw(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            TempFiles.delete(file);
        }
    }

    /** The archive asked for; getsrc falls back to the deployment archive when there is no source, as Fission's does. */
    private Archive chosen(Package pkg) {
        Archive source = pkg.spec().source();
        Archive deployment = pkg.spec().deployment();
        boolean hasDeployment = deployment != null && !deployment.isEmpty();
        if ((side == Side.DEPLOYMENT || source == null || source.isEmpty()) && hasDeployment) return deployment;
        return side == Side.SOURCE ? source : deployment;
    }
}
