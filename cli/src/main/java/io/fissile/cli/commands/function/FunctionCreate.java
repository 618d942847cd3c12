package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.pkg.CodePackages;
import io.fissile.cli.commands.pkg.EnvironmentWarning;
import io.fissile.cli.commands.pkg.PackageCommands;
import io.fissile.cli.commands.resource.Names;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.CodeOptions;
import io.fissile.cli.options.RequiredName;
import io.fissile.cli.options.SpecOptions;
import io.fissile.client.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fn create --name N --env E --code F [...]}: makes the function's package from its code
 * (literal when small, uploaded otherwise), then the function; or refers to an existing package
 * with --pkgname.
 */
@Command(name = "create", description = "Create a function (and optionally, an HTTP route to it)")
public final class FunctionCreate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    FunctionFlags flags;

    @Mixin
    CodeOptions code;

    @Mixin
    RouteShortcut route;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        boolean toSpec = specOptions.active();
        if (!toSpec) refuseExisting();
        Function fn = function(toSpec);
        // Check the function and its route before any code is uploaded or stored, so that a mistake leaves nothing behind.
        FunctionFlags.FIELDS.check(fn);
        HTTPTrigger routeToIt = toSpec ? null : route.triggerFor(fn);
        CodePackages.Plan plan = flags.packageName == null ? packageFor(fn, toSpec) : null;
        if (toSpec) {
            saveSpec(fn, plan);
        } else {
            createOnServer(fn, plan);
            if (routeToIt != null) route.create(session(), routeToIt);
        }
    }

    private void refuseExisting() {
        Session session = session();
        if (Resources.find(session, Kinds.FUNCTION, session.namespace(), name.name()).isPresent()) {
            throw new CliException(FunctionCommands.TYPE.named(name.name()) + " already exists in namespace '" + session.namespace() + "'");
        }
    }

    /** The function the flags describe, referring to the existing package (--pkgname) or to the one its code will make. */
    private Function function(boolean toSpec) {
        String namespace = specOptions.namespace(session());
        Function fn = Kinds.FUNCTION.create(namespace, name.name());
        flags.applyDefaults(fn);
        flags.applyTo(fn, true, session());
        Package existing = flags.packageName == null ? null : existingPackage(toSpec);
        String environment = existing != null ? existing.spec().environment().name() : flags.environment;
        if (environment == null || environment.isBlank()) throw new CliException("need --env");
        if (existing == null && !code.hasArchives()) {
            throw new CliException("need --code, --deploy or --src, or --pkgname for an existing package");
        }
        String packageName = existing != null ? existing.name() : Names.packageFor(name.name());
        fn.spec().environment(Reference.to(environment).namespace(namespace));
        fn.spec().packageRef(new FunctionPackageRef().functionName(flags.entrypoint)
                .packageRef(new PackageRef().namespace(namespace).name(packageName)
                        .resourceVersion(existing == null ? null : existing.metadata().resourceVersion())));
        return fn;
    }

    /** The package made from the code flags, marked as made for this function. */
    private CodePackages.Plan packageFor(Function fn, boolean toSpec) {
        String environment = fn.spec().environment().name();
        String namespace = fn.metadata().namespace();
        if (!toSpec) EnvironmentWarning.warnIfMissing(session(), namespace, environment);
        CodePackages.Plan plan = CodePackages.plan(session(), toSpec, namespace,
                fn.spec().packageRef().packageRef().name(), environment, code);
        plan.pkg().metadata().annotation(CodePackages.CREATED_FOR_FUNCTION, fn.name());
        PackageCommands.FIELDS.check(plan.pkg());
        return plan;
    }

    private Package existingPackage(boolean toSpec) {
        if (toSpec) {
            // Spec files refer to a package by name; the spec directory is applied as a whole.
            if (flags.environment == null) throw new CliException("--env is needed with --pkgname and --spec");
            Package named = Kinds.PACKAGE.create(null, flags.packageName);
            named.spec().environment(Reference.to(flags.environment));
            return named;
        }
        Package pkg = Resources.find(session(), Kinds.PACKAGE, session().namespace(), flags.packageName)
                .orElseThrow(() -> new CliException(PackageCommands.TYPE.named(flags.packageName) + " not found in namespace '"
                        + session().namespace() + "'; a function's package must be in the function's namespace"));
        if (flags.environmentGiven() && !flags.environment.equals(pkg.spec().environment().name())) {
            session().warn("the function uses the environment of package '" + pkg.name() + "' ("
                    + pkg.spec().environment().name() + "), not " + flags.environment);
        }
        return pkg;
    }

    private void saveSpec(Function fn, CodePackages.Plan plan) {
        List<Object> objects = new ArrayList<>();
        if (plan != null) {
            objects.addAll(plan.uploads());
            objects.add(plan.pkg());
        }
        objects.add(fn);
        specOptions.write(session(), FunctionCommands.TYPE.specFile(fn.name()), objects);
    }

    private void createOnServer(Function fn, CodePackages.Plan plan) {
        if (plan == null) {
            Resources.create(session(), FunctionCommands.TYPE, fn);
            return;
        }
        Package created = Resources.create(session(), PackageCommands.TYPE, plan.pkg());
        fn.spec().packageRef().packageRef().resourceVersion(created.metadata().resourceVersion());
        try {
            Resources.create(session(), FunctionCommands.TYPE, fn);
        } catch (RuntimeException e) {
            // The package was made for this function only: do not leave it behind.
            try {
                session().client().delete(Kinds.PACKAGE, created.namespace(), created.name());
            } catch (ApiException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
