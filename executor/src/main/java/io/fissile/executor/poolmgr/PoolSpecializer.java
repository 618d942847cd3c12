package io.fissile.executor.poolmgr;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Reference;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.fetch.CachedPackage;
import io.fissile.executor.fetch.InvalidArchiveException;
import io.fissile.executor.fetch.PackageCache;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.InstanceSource;
import io.fissile.executor.instances.ProvidedInstance;
import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceStartException;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ChecksumMismatchException;
import io.fissile.store.Informer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Poolmgr's way to a ready instance: find the function's package (waiting for its build) and
 * environment, have the package on disk, take a warm instance of the environment (or start one when
 * the pool is empty), place the package in it, and tell it to load the function. An instance that
 * does not make it is stopped; the error says why in the user's terms.
 */
final class PoolSpecializer implements InstanceSource {

    private static final Logger LOG = LoggerFactory.getLogger(PoolSpecializer.class);
    /** The longest error text from an environment that goes into a message. */
    private static final int MAX_ERROR_TEXT = 4000;

    private final Informer<Environment> environments;
    private final PackageResolver packages;
    private final PackageCache cache;
    private final WarmPools pools;

    PoolSpecializer(Informer<Environment> environments, PackageResolver packages, PackageCache cache, WarmPools pools) {
        this.environments = environments;
        this.packages = packages;
        this.cache = cache;
        this.pools = pools;
    }

    @Override
    public ProvidedInstance provide(Function function, Deadline deadline) throws InterruptedException {
        long started = System.nanoTime();
        Package pkg = packages.resolve(function, deadline);
        Environment environment = environmentOf(function);
        CachedPackage cached = fetch(function, pkg, environment, deadline);
        Instance instance = take(function, environment, deadline);
        boolean ready = false;
        try {
            SpecializeTarget target = SpecializeTarget.of(environment, instance, function);
            place(function, cached, target);
            // Tagged before loading, so that what the runtime says about a failed load is in the function's log.
            instance.assignFunction(function.namespace(), function.name());
            load(function, environment, instance, target, deadline);
            ready = true;
            LOG.debug("Specialized function {}/{} on instance {} in {} ms ({} at version {})", function.namespace(),
                    function.name(), instance.id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    PackageResolver.describe(pkg), pkg.metadata().resourceVersion());
            return new ProvidedInstance(instance, pkg.metadata().resourceVersion(), pools.stopGrace(environment));
        } finally {
            if (!ready) instance.stop(Duration.ZERO);
        }
    }

    private Environment environmentOf(Function function) {
        Reference ref = function.spec().environment();
        if (ref == null || ref.name() == null || ref.name().isEmpty()) {
            throw new FunctionUnavailableException(PackageResolver.describe(function) + " names no environment", false, null);
        }
        String namespace = ref.namespaceOr(function.namespace());
        return environments.get(namespace, ref.name()).orElseThrow(() -> new FunctionUnavailableException(
                "environment \"" + namespace + "/" + ref.name() + "\" of " + PackageResolver.describe(function)
                        + " does not exist", false, null));
    }

    private CachedPackage fetch(Function function, Package pkg, Environment environment, Deadline deadline)
            throws InterruptedException {
        try {
            return cache.prepare(pkg, environment.spec().keepArchive(), deadline.remaining());
        } catch (ChecksumMismatchException | InvalidArchiveException | ArchiveNotFoundException e) {
            throw new FunctionUnavailableException("the package of " + PackageResolver.describe(function)
                    + " cannot be used: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new FunctionUnavailableException("fetching the package of " + PackageResolver.describe(function)
                    + " failed: " + e.getMessage(), true, e);
        }
    }

    private Instance take(Function function, Environment environment, Deadline deadline) throws InterruptedException {
        try {
            return pools.poolFor(environment).takeOrStart(deadline.remaining());
        } catch (InstanceStartException e) {
            throw new FunctionUnavailableException(e.getMessage() + " (needed by " + PackageResolver.describe(function) + ")",
                    true, e);
        }
    }

    private void place(Function function, CachedPackage cached, SpecializeTarget target) {
        try {
            cache.place(cached, target.hostPath());
        } catch (IOException e) {
            throw new FunctionUnavailableException("placing the package of " + PackageResolver.describe(function)
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
        if (!response.succeeded()) {
            String text = response.body().strip();
            if (text.length() > MAX_ERROR_TEXT) text = text.substring(0, MAX_ERROR_TEXT) + "...";
            if (text.isEmpty()) text = "the environment answered HTTP " + response.status() + " with no explanation";
            throw new FunctionUnavailableException(PackageResolver.describe(function) + " failed to load in environment \""
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
                    + PackageResolver.describe(function) + ": " + reason, false, e);
        }
        return new FunctionUnavailableException("instance " + instance.id() + " did not answer the specialize call for "
                + PackageResolver.describe(function) + ": " + e.getMessage(), true, e);
    }
}
