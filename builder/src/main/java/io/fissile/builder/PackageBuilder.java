package io.fissile.builder;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.builder.internal.BuildInputs;
import io.fissile.builder.internal.BuildQueue;
import io.fissile.builder.internal.PackageKey;
import io.fissile.runtime.CommandRunner;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import io.fissile.store.ResourceStore;

import java.util.Objects;

/**
 * Builds packages that have a source archive with their environment's builder, as Fission's builder
 * manager does. A package is built when it is created with source only (status {@code pending}), when
 * its source, build command or environment change, when it is marked {@code pending} again
 * ({@code pkg rebuild}), and, after a restart, when its build was left {@code running}. The package's
 * {@code status.buildstatus} goes pending, running, then succeeded (with {@code spec.deployment}
 * pointing at the stored result) or failed, with the whole log in {@code status.buildlog}.
 *
 * <pre>{@code
 * PackageBuilder builder = PackageBuilder.start(BuilderOptions.defaults(dataDir.resolve("builder")),
 *         store, packages, environments, archives, commandRunner);
 * }</pre>
 */
public final class PackageBuilder implements AutoCloseable {

    private final Informer<Package> packages;
    private final Informer<Environment> environments;
    private final BuildQueue queue;
    private final InformerListener<Package> packageListener = new PackageListener();
    private final InformerListener<Environment> environmentListener = new EnvironmentListener();

    private PackageBuilder(Informer<Package> packages, Informer<Environment> environments, BuildQueue queue) {
        this.packages = packages;
        this.environments = environments;
        this.queue = queue;
    }

    public static PackageBuilder start(BuilderOptions options, ResourceStore store, Informer<Package> packages,
                                       Informer<Environment> environments, ArchiveStore archives, CommandRunner runner) {
        Objects.requireNonNull(options, "options");
        PackageBuilder builder = new PackageBuilder(packages, environments,
                new BuildQueue(options, store, environments, archives, runner));
        environments.addListener(builder.environmentListener);
        packages.addListener(builder.packageListener);
        return builder;
    }

    /** Stops listening and ends running builds; their packages are built again at the next start. */
    @Override
    public void close() {
        packages.removeListener(packageListener);
        environments.removeListener(environmentListener);
        queue.close();
    }

    private static String buildStatus(Package pkg) {
        return pkg.status() == null ? null : pkg.status().buildstatus();
    }

    private final class PackageListener implements InformerListener<Package> {
        @Override
        public void onAdd(Package pkg) {
            String status = buildStatus(pkg);
            // "running" here is a build the previous run of the server left unfinished.
            if (BuildInputs.hasSource(pkg) && (PackageStatus.PENDING.equals(status) || PackageStatus.RUNNING.equals(status))) {
                queue.request(pkg);
            }
        }

        @Override
        public void onUpdate(Package before, Package after) {
            if (!BuildInputs.hasSource(after)) return;
            boolean newInputs = !BuildInputs.of(before).equals(BuildInputs.of(after));
            boolean markedPending = PackageStatus.PENDING.equals(buildStatus(after))
                    && !PackageStatus.PENDING.equals(buildStatus(before));
            if (newInputs || markedPending) queue.request(after);
        }

        @Override
        public void onDelete(Package pkg) {
            queue.forget(PackageKey.of(pkg));
        }
    }

    /** Packages waiting for their environment build once it exists, or once it has a builder. */
    private final class EnvironmentListener implements InformerListener<Environment> {
        @Override
        public void onAdd(Environment env) {
            for (Package pkg : packages.list()) {
                if (PackageStatus.PENDING.equals(buildStatus(pkg)) && BuildInputs.hasSource(pkg) && usesEnvironment(pkg, env)) {
                    queue.request(pkg);
                }
            }
        }

        @Override
        public void onUpdate(Environment before, Environment after) {
            onAdd(after);
        }

        private static boolean usesEnvironment(Package pkg, Environment env) {
            return pkg.spec().environment() != null && env.name().equals(pkg.spec().environment().name())
                    && env.namespace().equals(pkg.spec().environment().namespaceOr(pkg.namespace()));
        }
    }
}
