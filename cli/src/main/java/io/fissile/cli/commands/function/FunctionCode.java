package io.fissile.cli.commands.function;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.pkg.ArchiveContent;
import io.fissile.cli.commands.pkg.PackageCommands;
import io.fissile.cli.commands.pkg.TempFiles;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import io.fissile.client.Archives;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code fn get --name N}: the function's code, as Fission prints it. A zip archive is not dumped
 * on the terminal: its entries are listed, with the command that saves it.
 */
@Command(name = "get", description = "Get function source code")
public final class FunctionCode extends FissileCommand {
    @Mixin
    RequiredName name;

    @Override
    protected void run() throws IOException {
        Function fn = Resources.require(session(), FunctionCommands.TYPE, name.name());
        PackageRef ref = fn.spec().packageRef() == null ? null : fn.spec().packageRef().packageRef();
        if (ref == null || ref.name() == null) throw new CliException(FunctionCommands.TYPE.named(fn.name()) + " has no package");
        String namespace = ref.namespaceOr(fn.namespace());
        Package pkg = Resources.find(session(), Kinds.PACKAGE, namespace, ref.name())
                .orElseThrow(() -> Resources.notFound(PackageCommands.TYPE, ref.name(), namespace));
        Archive deployment = pkg.spec().deployment();
        boolean deployed = deployment != null && !deployment.isEmpty();
        Archive archive = deployed ? deployment : pkg.spec().source();
        Path file = ArchiveContent.fetch(session(), archive, "the code of " + FunctionCommands.TYPE.named(fn.name()));
        try {
            if (Archives.isZip(file)) {
                describeZip(file, pkg, deployed ? "getdeploy" : "getsrc");
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    session().writeRaw(in);
                }
            }
        } finally {
            TempFiles.delete(file);
        }
    }

    private void describeZip(Path file, Package pkg, String saveCommand) {
        PrintWriter out = session().out();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            out.println("The code of function '" + name.name() + "' is a zip archive (" + Files.size(file) + " bytes) holding:");
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory()) out.println("  " + entry.getName() + " (" + entry.getSize() + " bytes)");
            }
            out.println("Save it with: fissile package " + saveCommand + " --name " + pkg.name() + " --output <file>.zip");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the zip archive of function '" + name.name() + "': " + e.getMessage(), e);
        }
    }
}
