package io.fissile.executor.specialize;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.instances.Deadline;
import io.fissile.store.Informer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds a function's package, waiting for its build to finish when it is still pending or running;
 * says plainly why when there is none to run.
 */
final class PackageResolver {

    /** How much of a failed build's log a request's error shows. */
    private static final int BUILD_LOG_TAIL = 2000;

    private final Informer<Package> packages;
    private final PackageChanges changes;

    PackageResolver(Informer<Package> packages, PackageChanges changes) {
        this.packages = packages;
        this.changes = changes;
    }

    Package resolve(Function function, Deadline deadline) throws InterruptedException {
        FunctionPackageRef ref = function.spec().packageRef();
        if (ref == null || ref.packageRef() == null || ref.packageRef().name() == null || ref.packageRef().name().isEmpty()) {
            throw new FunctionUnavailableException(describe(function) + " names no package", false, null);
        }
        String namespace = ref.packageRef().namespaceOr(function.namespace());
        String name = ref.packageRef().name();
        for (;;) {
            Package pkg = find(function, namespace, name);
            String status = buildStatus(pkg);
            if (!isBuilding(status)) return usable(function, pkg, status);
            // Listen first, then look again, so that a change between the two is not missed.
            CompletableFuture<Void> nextChange = changes.next(namespace, name);
            status = buildStatus(find(function, namespace, name));
            if (isBuilding(status)) awaitChange(nextChange, deadline, function, pkg, status);
        }
    }

    private Package find(Function function, String namespace, String name) {
        return packages.get(namespace, name).orElseThrow(() -> new FunctionUnavailableException("package \"" + namespace
                + "/" + name + "\" of " + describe(function) + " does not exist", false, null));
    }

    private static Package usable(Function function, Package pkg, String status) {
        if (PackageStatus.FAILED.equals(status)) {
            throw new FunctionUnavailableException("the build of " + describe(pkg) + " of " + describe(function) + " failed"
                    + logTail(pkg), false, null);
        }
        return pkg;
    }

    private static boolean isBuilding(String status) {
        return PackageStatus.PENDING.equals(status) || PackageStatus.RUNNING.equals(status);
    }

    private static void awaitChange(CompletableFuture<Void> change, Deadline deadline, Function function, Package pkg,
                                    String status) throws InterruptedException {
        try {
            change.get(Math.max(1, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new FunctionUnavailableException(describe(pkg) + " of " + describe(function) + " is still building (status "
                    + status + "); try again later", true, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a package change never fails", e);
        }
    }

    /** The build status, reading an absent one as none (a package with only a deployment archive). */
    private static String buildStatus(Package pkg) {
        if (pkg.status() == null || pkg.status().buildstatus() == null || pkg.status().buildstatus().isEmpty()) {
            return PackageStatus.NONE;
        }
        return pkg.status().buildstatus();
    }

    private static String logTail(Package pkg) {
        String log = pkg.status() == null ? null : pkg.status().buildlog();
        if (log == null || log.isBlank()) return "";
        String trimmed = log.strip();
        if (trimmed.length() > BUILD_LOG_TAIL) trimmed = "..." + trimmed.substring(trimmed.length() - BUILD_LOG_TAIL);
        return "; its build log ends:\n" + trimmed;
    }

    static String describe(Package pkg) {
        return "package \"" + pkg.namespace() + "/" + pkg.name() + "\"";
    }

    static String describe(Function function) {
        return "function \"" + function.namespace() + "/" + function.name() + "\"";
    }
}
