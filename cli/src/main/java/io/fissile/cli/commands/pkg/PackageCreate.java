package io.fissile.cli.commands.pkg;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Names;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.CodeOptions;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code pkg create --env E (--code F | --deploy F... | --src F...) [--name N]}. */
@Command(name = "create", description = "Create a package")
public final class PackageCreate extends FissileCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Package name (default: from the first file's name)")
    String name;

    @Option(names = "--env", required = true, paramLabel = "ENVIRONMENT", description = "Environment the package runs in")
    String environment;

    @Mixin
    CodeOptions code;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        if (!code.hasArchives()) throw new CliException("need --code, --deploy or --src");
        if (specOptions.active() && name == null) throw new CliException("--name is necessary when creating a spec file");
        String namespace = specOptions.namespace(session());
        String pkgName = name != null ? name : Names.packageForFile(firstFileName());
        if (!specOptions.active()) EnvironmentWarning.warnIfMissing(session(), namespace, environment);
        CodePackages.Plan plan = CodePackages.plan(session(), specOptions.active(), namespace, pkgName, environment, code);
        PackageCommands.FIELDS.check(plan.pkg());
        if (specOptions.active()) {
            List<Object> objects = new ArrayList<>(plan.uploads());
            objects.add(plan.pkg());
            specOptions.write(session(), PackageCommands.TYPE.specFile(pkgName), objects);
        } else {
            Resources.create(session(), PackageCommands.TYPE, plan.pkg());
        }
    }

    private String firstFileName() {
        List<String> files = code.deployFiles().isEmpty() ? code.sourceFiles() : code.deployFiles();
        Path fileName = Path.of(files.get(0)).getFileName();
        return fileName == null ? files.get(0) : fileName.toString();
    }
}
