package io.fissile.executor.specialize;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Reference;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.RemoteInstance;
import io.fissile.executor.RemoteSpecialization;
import io.fissile.executor.fetch.CachedPackage;
import io.fissile.executor.fetch.PackageCache;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.ProvidedInstance;
import io.fissile.executor.mounts.FunctionMounts;
import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.archive.InvalidArchiveException;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ChecksumMismatchException;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The way to a ready instance that every executor type shares: find the function's package (waiting
 * for its build) and environment, have the package on disk, get a generic instance of the environment
 * from the executor type's {@link InstanceSupply}, place the package (and the secrets and config maps
 * the function names) in it, and tell it to load the function. An instance that does not make it is stopped; the error says why in the user's terms.
 */
public final class Specializer {

    private static final Logger LOG = LoggerFactory.getLogger(Specializer.class);
    /** The longest error text from an environment that goes into a message. */
    private static final int MAX_ERROR_TEXT = 4000;

    private final Informer<Environment> environments;
    private final PackageChanges packageChanges = new PackageChanges();
    private final PackageResolver packages;
    private final PackageCache cache;
    private final FunctionMounts mounts;
    private final Duration graceCap;

    /**
     * @param mounts   writes the secrets and config maps a function names into its instances
     * @param graceCap the longest an instance is given to stop, whatever its environment asks
     */
    public Specializer(Informer<Environment> environments, Informer<Package> packages, PackageCache cache,
                       FunctionMounts mounts, Duration graceCap) {
        this.environments = environments;
        this.packages = new PackageResolver(packages, packageChanges);
        this.cache = cache;
        this.mounts = mounts;
        this.graceCap = graceCap;
    }

    /** Listens to packages, so that a specialization waiting for a build hears of its end. */
    public InformerListener<Package> packageChanges() {
        return packageChanges;
    }

    public ProvidedInstance specialize(Function function, Deadline deadline, InstanceSupply supply)
            throws InterruptedException {
        long started = System.nanoTime();
        Package pkg = packages.resolve(function, deadline);
        Environment environment = environmentOf(function);
        CachedPackage cached = fetch(function, pkg, environment.spec().keepArchive(), deadline);
        Instance instance = supply.obtain(function, environment, deadline);
        boolean ready = false;
        try {
            SpecializeTarget target = SpecializeTarget.of(environment, instance, function);
            if (instance instanceof RemoteInstance remote) {
                // A fetcher beside the instance places the files; here they are only checked to exist.
                mounts.requireAll(function);
                instance.assignFunction(function.namespace(), function.name());
                loadRemotely(function, environment, pkg, instance, remote, target, deadline);
            } else {
                place(function, cached, target);
                mounts.attach(function, instance);
                // Tagged before loading, so that what the runtime says about a failed load is in the function's log.
                instance.assignFunction(function.namespace(), function.name());
                load(function, environment, instance, target, deadline);
            }
            ready = true;
            LOG.debug("Specialized function {}/{} on instance {} in {} ms ({} at version {})", function.namespace(),
                    function.name(), instance.id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    PackageResolver.describe(pkg), pkg.metadata().resourceVersion());
            return new ProvidedInstance(instance, pkg.metadata().resourceVersion(), InstanceSpecs.stopGrace(environment, graceCap));
        } finally {
            if (!ready) instance.stop(Duration.ZERO);
        }
    }

    /**
     * What a function that runs its own program instead of being specialized (executor type
     * container) finds in its directories when it starts: its package (fetched after its build) in
     * userfunc, a directory's files in userfunc itself, a single file as {@code userfunc/user} (the v1
     * contract's name); its secrets and config maps. {@link #attach} keeps the latter current.
     */
    public StartingFiles startingFiles(Function function, Deadline deadline) throws InterruptedException {
        mounts.requireAll(function);
        FunctionPackageRef ref = function.spec().packageRef();
        if (ref == null || ref.packageRef() == null || ref.packageRef().name() == null || ref.packageRef().name().isEmpty()) {
            return new StartingFiles(null, (userfunc, secrets, configs) -> mounts.write(function, secrets, configs));
        }
        Package pkg = packages.resolve(function, deadline);
        CachedPackage cached = fetch(function, pkg, false, deadline);
        boolean directory = Files.isDirectory(cached.content());
        return new StartingFiles(pkg.metadata().resourceVersion(), (userfunc, secrets, configs) -> {
            cache.place(cached, directory ? userfunc : userfunc.resolve(SpecializeTarget.V1_NAME));
            mounts.write(function, secrets, configs);
        });
    }

    /** Keeps the secrets and config maps of a started instance current while it runs. */
    public void attach(Function function, Instance instance) {
        mounts.attach(function, instance);
    }

    /** E.g. {@code function "default/hello"}. */
    public static String describe(Function function) {
        return PackageResolver.describe(function);
    }

    private Environment environmentOf(Function function) {
        Reference ref = function.spec().environment();
        if (ref == null || ref.name() == null || ref.name().isEmpty()) {
            throw new FunctionUnavailableException(describe(function) + " names no environment", false, null);
        }
        String namespace = ref.namespaceOr(function.namespace());
        return environments.get(namespace, ref.name()).orElseThrow(() -> new FunctionUnavailableException(
                "environment \"" + namespace + "/" + ref.name() + "\" of " + describe(function)
                        + " does not exist", false, null));
    }

    private CachedPackage fetch(Function function, Package pkg, boolean keepArchive, Deadline deadline)
            throws InterruptedException {
        try {
            return cache.prepare(pkg, keepArchive, deadline.remaining());
        } catch (ChecksumMismatchException | InvalidArchiveException | ArchiveNotFoundException e) {
            throw new FunctionUnavailableException("the package of " + describe(function)
                    + " cannot be used: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new FunctionUnavailableException("fetching the package of " + describe(function)
                    + " failed: " + e.getMessage(), true, e);
        }
    }

    private void place(Function function, CachedPackage cached, SpecializeTarget target) {
        try {
            cache.place(cached, target.hostPath());
        } catch (IOException e) {
            throw new FunctionUnavailableException("placing the package of " + describe(function)
                    + " in an instance failed: " + e, true, e);
        }
    }

    private static void load(Function function, Environment environment, Instance instance, SpecializeTarget target,
                             Deadline deadline) {
        InstanceCall.Response response;
        try {
            response = InstanceCall.post(instance.address(), target.path(), target.contentType(), target.body(),
                    deadline.remaining());
        } catch (IOException e) {
            throw unreachable(function, instance, e);
        }
        requireSuccess(function, environment, response);
    }

    /** Has the instance's fetcher fetch the package (as this version of it says) and make the specialize call. */
    private static void loadRemotely(Function function, Environment environment, Package pkg, Instance instance,
                                     RemoteInstance remote, SpecializeTarget target, Deadline deadline)
            throws InterruptedException {
        RemoteSpecialization request = new RemoteSpecialization(function.namespace(), function.name(), pkg,
                environment.spec().keepArchive(), target.hostPath().getFileName().toString(), target.path(),
                target.contentType(), target.body(), function.spec().secrets(), function.spec().configmaps());
        InstanceCall.Response response;
        try {
            response = remote.specialize(request, deadline.remaining());
        } catch (IOException e) {
            throw unreachable(function, instance, e);
        }
        requireSuccess(function, environment, response);
    }

    private static void requireSuccess(Function function, Environment environment, InstanceCall.Response response) {
        if (!response.succeeded()) {
            String text = response.body().strip();
            if (text.length() > MAX_ERROR_TEXT) text = text.substring(0, MAX_ERROR_TEXT) + "...";
            if (text.isEmpty()) text = "the environment answered HTTP " + response.status() + " with no explanation";
            throw new FunctionUnavailableException(describe(function) + " failed to load in environment \""
                    + environment.namespace() + "/" + environment.name() + "\": " + text, false, null);
        }
    }

    /** The instance broke off: if its process ended, the function's code (or its memory limit) ended it. */
    private static FunctionUnavailableException unreachable(Function function, Instance instance, IOException e) {
        if (!instance.isAlive()) {
            try {
                instance.exited().get(2, TimeUnit.SECONDS); // so that the reason is known
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // the description below says what is known
            }
            String reason = instance.exitReason().map(ExitReason::message).orElse("its process ended");
            return new FunctionUnavailableException("instance " + instance.id() + " ended while loading "
                    + describe(function) + ": " + reason, false, e);
        }
        return new FunctionUnavailableException("instance " + instance.id() + " did not answer the specialize call for "
                + describe(function) + ": " + e.getMessage(), true, e);
    }
}
