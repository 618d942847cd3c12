package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.pkg.CodePackages;
import io.fissile.cli.commands.pkg.PackageCommands;
import io.fissile.cli.commands.pkg.PackageUsers;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.CodeOptions;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code fn update --name N [flags to change]}: changes the function, and its package when code,
 * build command or environment flags are given.
 */
@Command(name = "update", description = "Update a function")
public final class FunctionUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    FunctionFlags flags;

    @Mixin
    CodeOptions code;

    @Option(names = {"-f", "--force"}, description = "Update the package even if other functions use it too")
    boolean force;

    @Override
    protected void run() {
        Session session = session();
        Function fn = Resources.require(session, FunctionCommands.TYPE, name.name());
        flags.applyTo(fn, false, session);
        if (flags.environmentGiven()) fn.spec().environment(Reference.to(flags.environment).namespace(fn.namespace()));
        if (flags.packageName != null) usePackage(fn, flags.packageName);
        FunctionFlags.FIELDS.check(fn);
        if (code.hasArchives() || code.buildCommand() != null || flags.environmentGiven()) {
            updatePackage(fn);
        }
        Resources.update(session, FunctionCommands.TYPE, fn);
    }

    /** --pkgname: the function runs another existing package, in that package's environment. */
    private void usePackage(Function fn, String packageName) {
        Package pkg = Resources.require(session(), PackageCommands.TYPE, packageName);
        fn.spec().packageRef(packageRef(fn).packageRef(new PackageRef().namespace(pkg.namespace()).name(pkg.name())
                .resourceVersion(pkg.metadata().resourceVersion())));
        if (pkg.spec().environment() != null) {
            fn.spec().environment(Reference.to(pkg.spec().environment().name()).namespace(pkg.namespace()));
        }
    }

    /** New code or settings for the function's package; its other functions follow the new version, as in Fission. */
    private void updatePackage(Function fn) {
        PackageRef ref = fn.spec().packageRef() == null ? null : fn.spec().packageRef().packageRef();
        if (ref == null || ref.name() == null) {
            throw new CliException(FunctionCommands.TYPE.named(fn.name()) + " has no package to update; use --pkgname");
        }
        String namespace = ref.namespaceOr(fn.namespace());
        Package pkg = Resources.find(session(), Kinds.PACKAGE, namespace, ref.name())
                .orElseThrow(() -> Resources.notFound(PackageCommands.TYPE, ref.name(), namespace));
        List<Function> others = PackageUsers.of(session(), namespace, pkg.name()).stream()
                .filter(other -> !other.name().equals(fn.name()))
                .toList();
        if (!force && !others.isEmpty()) {
            throw new CliException(PackageCommands.TYPE.named(pkg.name()) + " is also used by "
                    + String.join(", ", others.stream().map(Function::name).toList()) + "; use --force to update it anyway");
        }
        Package updated = CodePackages.update(session(), pkg, flags.environmentGiven() ? flags.environment : null, code, others);
        ref.resourceVersion(updated.metadata().resourceVersion());
    }

    private static FunctionPackageRef packageRef(Function fn) {
        return fn.spec().packageRef() == null ? new FunctionPackageRef() : fn.spec().packageRef();
    }
}
