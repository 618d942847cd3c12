package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.api.v1.Reference;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.CodeOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Makes and changes packages from the code flags, for both {@code pkg} and {@code fn} commands. */
public final class CodePackages {
    /** Marks a package that {@code fn create} made for one function, so that deleting the function deletes it too. */
    public static final String CREATED_FOR_FUNCTION = "fissile.io/created-for-function";

    private CodePackages() {
    }

    /** A new package and, for a spec directory, the ArchiveUploadSpecs its archives refer to. */
    public record Plan(Package pkg, List<ArchiveUploadSpec> uploads) {
    }

    /**
     * The package for the code flags. For the server its archives are made now (literal, or
     * uploaded when large); for a spec directory they are ArchiveUploadSpecs to write beside it.
     */
    public static Plan plan(Session session, boolean forSpec, String namespace, String name, String environment, CodeOptions code) {
        Package pkg = Kinds.PACKAGE.create(namespace, name);
        pkg.spec().environment(Reference.to(environment).namespace(namespace));
        List<ArchiveUploadSpec> uploads = new ArrayList<>();
        if (!code.deployFiles().isEmpty()) {
            pkg.spec().deployment(archive(session, forSpec, code.deployFiles(), code.deployAsIs(), uploads));
        }
        if (!code.sourceFiles().isEmpty()) {
            pkg.spec().source(archive(session, forSpec, code.sourceFiles(), false, uploads));
        }
        if (code.buildCommand() != null) pkg.spec().buildcmd(code.buildCommand());
        return new Plan(pkg, uploads);
    }

    /**
     * Changes a stored package by the code flags and --env, writes it back, and points the given
     * functions at its new version, as Fission does. Returns the package as stored.
     */
    public static Package update(Session session, Package pkg, String environment, CodeOptions code, List<Function> followers) {
        boolean rebuild = applyTo(session, pkg, environment, code);
        PackageCommands.FIELDS.check(pkg);
        Package updated = Resources.update(session, PackageCommands.TYPE, pkg);
        if (rebuild) updated = markForBuild(session, updated);
        PackageUsers.follow(session, followers, updated);
        return updated;
    }

    /**
     * Applies the code flags and --env. Returns true when the source has to be built again (new
     * source, build command or environment without a new deployment archive).
     */
    private static boolean applyTo(Session session, Package pkg, String environment, CodeOptions code) {
        boolean rebuild = false;
        if (environment != null) {
            pkg.spec().environment(Reference.to(environment).namespace(pkg.namespace()));
            rebuild = true;
        }
        if (code.buildCommand() != null) {
            pkg.spec().buildcmd(code.buildCommand());
            rebuild = true;
        }
        if (!code.sourceFiles().isEmpty()) {
            pkg.spec().source(CodeArchives.upload(session, code.sourceFiles(), false));
            rebuild = true;
        }
        if (!code.deployFiles().isEmpty()) {
            pkg.spec().deployment(CodeArchives.upload(session, code.deployFiles(), code.deployAsIs()));
            rebuild = false;
        }
        return rebuild && pkg.spec().source() != null && !pkg.spec().source().isEmpty();
    }

    /** New source or build settings: the package waits for its build again, as in Fission. */
    static Package markForBuild(Session session, Package pkg) {
        PackageStatus status = pkg.status() == null ? new PackageStatus() : pkg.status();
        pkg.status(status.buildstatus(PackageStatus.PENDING).buildlog(null).lastUpdateTimestamp(Instant.now().toString()));
        // The builder may already have taken up the new source and written "running": pending is still true, not a conflict.
        pkg.metadata().resourceVersion(null);
        return session.client().updateStatus(pkg);
    }

    private static Archive archive(Session session, boolean forSpec, List<String> files, boolean asIs, List<ArchiveUploadSpec> uploads) {
        if (!forSpec) return CodeArchives.upload(session, files, asIs);
        CodeArchives.SpecArchive specArchive = CodeArchives.forSpec(session, files);
        uploads.add(specArchive.upload());
        return specArchive.archive();
    }
}
