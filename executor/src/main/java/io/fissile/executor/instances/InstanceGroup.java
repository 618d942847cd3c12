package io.fissile.executor.instances;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.Lease;
import io.fissile.executor.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The instances of one version of a function (its resourceVersion and its package's) and the
 * requests waiting for them.
 * <p>
 * Leasing room on an instance that has some is lock-free and allocates only the lease. Anything else
 * queues the request, first come first served, and has instances made ready for the waiting
 * requests: as many at a time as the executor type allows (poolmgr: one), and only while the
 * function is below its maximum; each new instance serves as many waiters as it has room for, and
 * more start if some still wait. A waiter that finds no room within the executor's wait, with no
 * instance under way that could serve it, is refused (429).
 * <p>
 * An autoscaler may also {@link #growTo grow} the group ahead of demand, several instances at once,
 * and {@link #shrinkTo shrink} it by draining instances (they take no more requests and stop once
 * their last one ends).
 * <p>
 * Futures are completed only after the lock is released, so that callers' continuations never run
 * under it.
 */
public final class InstanceGroup {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceGroup.class);
    /**
     * How long a version whose code did not load keeps failing at once: a flood of requests to a broken
     * function must not burn a warm instance each. A fix is a new version, which starts afresh.
     */
    private static final long REJECTION_MEMORY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(1);
    /** Growth ahead of demand pauses after a failed start, so that a broken function is not started every tick. */
    private static final Duration FIRST_GROWTH_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_GROWTH_PAUSE = Duration.ofSeconds(30);

    private final Function function;
    private final String version;
    private final String displayName;
    private final Reference environment;
    private final Reference packageRef;
    private final FunctionLimits limits;
    private final InstanceSource source;
    private final GroupContext context;

    private final ReentrantLock lock = new ReentrantLock();
    private final InstanceSet instances = new InstanceSet();
    private final WaitQueue waiters = new WaitQueue();
    private volatile boolean retired;
    /** Instances being made ready. */
    private int starting;
    private final Backoff growthPauses = new Backoff(FIRST_GROWTH_PAUSE, MAX_GROWTH_PAUSE);
    private long growthPausedUntilNanos = System.nanoTime();
    private String packageVersion;
    private String latestPackageVersion;
    private FunctionUnavailableException rejection;
    private long rejectedAtNanos;

    InstanceGroup(Function function, InstanceSource source, GroupContext context) {
        this.function = function;
        this.version = function.metadata().resourceVersion();
        this.displayName = function.namespace() + "/" + function.name();
        this.environment = resolve(function.spec().environment(), function.namespace());
        FunctionPackageRef pkg = function.spec().packageRef();
        this.packageRef = pkg == null || pkg.packageRef() == null ? null
                : new Reference().namespace(pkg.packageRef().namespaceOr(function.namespace())).name(pkg.packageRef().name());
        this.limits = source.limits(function);
        this.source = source;
        this.context = context;
    }

    /** The function as this group serves it. Shared: read it, never change it. */
    public Function function() {
        return function;
    }

    public String namespace() {
        return function.namespace();
    }

    public String name() {
        return function.name();
    }

    /** The function's resourceVersion this group serves. */
    public String version() {
        return version;
    }

    /** The function's environment, namespace resolved. */
    public String environmentNamespace() {
        return environment.namespace();
    }

    /** The function's environment; empty when it names none. */
    public String environmentName() {
        return environment.name() == null ? "" : environment.name();
    }

    public boolean usesEnvironment(String namespace, String name) {
        return environment.namespace().equals(namespace) && Objects.equals(environment.name(), name);
    }

    public boolean usesPackage(String namespace, String name) {
        return packageRef != null && packageRef.namespace().equals(namespace) && Objects.equals(packageRef.name(), name);
    }

    /** The executor type of the version this group serves. */
    public String executorType() {
        return function.spec().effectiveExecutorType();
    }

    /** True when its instances come from {@code candidate}. */
    public boolean isFrom(InstanceSource candidate) {
        return source == candidate;
    }

    public FunctionLimits limits() {
        return limits;
    }

    /** True once it takes no more requests: the function changed or went. */
    public boolean retired() {
        return retired;
    }

    /** True when new requests for this version of the function come here. */
    public boolean serves(Function candidate) {
        return !retired && Objects.equals(version, candidate.metadata().resourceVersion());
    }

    /**
     * Room on an instance at once, or null when there is none or requests are queued (they go first).
     * The data path: lock-free, allocating only the lease.
     */
    public Lease tryLease() {
        if (waiters.waiting() != 0) return null;
        return lease(false);
    }

    /**
     * Room on an instance as soon as there is some, having instances made ready if the function may have more;
     * null when the group was retired meanwhile (the caller looks up the current group again).
     */
    public CompletableFuture<Lease> enqueue() {
        CompletableFuture<Lease> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (retired) return null;
            if (waiters.isEmpty()) {
                InstanceLease lease = lease(false);
                if (lease != null) {
                    future.complete(lease); // nobody holds this future yet: no continuation runs here
                    return future;
                }
            }
            if (rejection != null && instances.isEmpty() && System.nanoTime() - rejectedAtNanos < REJECTION_MEMORY_NANOS) {
                return CompletableFuture.failedFuture(rejection);
            }
            Waiter waiter = new Waiter(future);
            waiters.add(waiter);
            if (starting > 0) waiter.markCold();
            startForWaiters();
            waiter.timeout(context.timer.schedule(() -> waitExpired(waiter),
                    limits.requestWait().toNanos(), TimeUnit.NANOSECONDS));
        } finally {
            lock.unlock();
        }
        return future;
    }

    /**
     * The function's package is now at {@code newVersion}: true when this group must be retired,
     * because it runs another version or has run none yet (a fresh group starts with the new one,
     * without the memory of a failure). A group specializing its first instance remembers the version
     * and retires itself once that specialization ends, if it may have used an older one.
     */
    public boolean packageChanged(String newVersion) {
        lock.lock();
        try {
            if (packageVersion != null) return !packageVersion.equals(newVersion);
            if (starting == 0) return true;
            latestPackageVersion = newVersion;
            return false;
        } finally {
            lock.unlock();
        }
    }

    public int instanceCount() {
        return instances.size();
    }

    public int requestsInFlight() {
        return instances.inFlight();
    }

    public int requestsWaiting() {
        return waiters.waiting();
    }

    /** Requests the function has now: in flight on its instances, and waiting for room. */
    public int concurrency() {
        return instances.inFlight() + waiters.waiting();
    }

    /** Instances that take requests plus those being made ready: what an autoscaler counts as the current scale. */
    public int scale() {
        lock.lock();
        try {
            return instances.serving() + starting;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts instances, in parallel, until {@code count} of them take requests or are being made
     * ready, within the function's maximum; never stops any. Does nothing for a while after a start
     * failed (doubling up to half a minute), so that a broken function is not restarted every tick.
     */
    public void growTo(int count) {
        lock.lock();
        try {
            if (retired || System.nanoTime() - growthPausedUntilNanos < 0) return;
            startInstances(Math.min(count, limits.maxInstances()) - instances.serving() - starting);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drains instances, least busy first, until {@code count} take requests (never fewer than the
     * function's minimum): a drained instance takes no new request and stops once its last one ends.
     * Does nothing while requests wait or instances are being made ready, since those need the room.
     */
    public void shrinkTo(int count) {
        List<FunctionInstance> idle = new ArrayList<>();
        lock.lock();
        try {
            if (retired || starting > 0 || !waiters.isEmpty()) return;
            int excess = instances.serving() - Math.max(count, limits.minInstances());
            if (excess <= 0) return;
            FunctionInstance[] leastBusyFirst = instances.snapshot().clone();
            Arrays.sort(leastBusyFirst, Comparator.comparingInt(instance -> instance.occupancy().inFlight()));
            for (FunctionInstance instance : leastBusyFirst) {
                if (excess == 0) break;
                if (instance.occupancy().retired()) continue;
                excess--;
                LOG.debug("Draining instance {} of function {}: {} are enough", instance, displayName, count);
                if (instance.occupancy().retire()) idle.add(instance);
            }
        } finally {
            lock.unlock();
        }
        idle.forEach(instance -> discard(instance, true));
    }

    // ---- called by leases

    void released(FunctionInstance instance) {
        if (instance.give()) {
            discard(instance, true);
        } else if (waiters.waiting() != 0) {
            serveWaiters();
        }
    }

    void abandoned(FunctionInstance instance) {
        if (instance.occupancy().untake()) {
            discard(instance, true);
        } else if (waiters.waiting() != 0) {
            serveWaiters();
        }
    }

    /** The caller could not reach the instance: it gets no requests until a check says it still works. */
    void releasedBroken(FunctionInstance instance, Throwable cause) {
        instance.occupancy().suspend();
        if (instance.give()) {
            discard(instance, false);
            return;
        }
        Thread.ofVirtual().name("check-" + instance).start(() -> check(instance, cause));
    }

    // ---- called by the table

    /**
     * Takes no more requests: idle instances stop now, busy ones when their requests end. Returns
     * the requests still waiting, for the caller to send to the function's current version.
     */
    List<Waiter> retire() {
        List<FunctionInstance> idle = new ArrayList<>();
        List<Waiter> moved;
        boolean drained;
        lock.lock();
        try {
            if (retired) return List.of();
            retired = true;
            moved = waiters.drain();
            for (FunctionInstance instance : instances.snapshot()) {
                if (instance.occupancy().retire()) idle.add(instance);
            }
            drained = instances.isEmpty() && starting == 0;
        } finally {
            lock.unlock();
        }
        idle.forEach(instance -> discard(instance, true));
        if (drained) context.owner.drained(this);
        return moved;
    }

    /** Stops instances idle for the function's idle timeout, keeping {@code retain} of them when asked. */
    void reapIdle(long now, boolean keepRetained) {
        long idleNanos = limits.idleTimeout().toNanos();
        FunctionInstance[] all = instances.snapshot();
        int reapable = instances.serving() - (keepRetained ? limits.retain() : 0);
        for (FunctionInstance instance : all) {
            if (reapable <= 0) return;
            if (instance.idleNanos(now) >= idleNanos && instance.occupancy().retireIfIdle()) {
                reapable--;
                LOG.debug("Stopping instance {} of function {}: no request for {} s", instance, displayName,
                        limits.idleTimeout().toSeconds());
                discard(instance, true);
            }
        }
    }

    /** Refuses every waiter and stops every instance at once. */
    List<CompletableFuture<Void>> close(FunctionUnavailableException reason) {
        List<Runnable> completions = new ArrayList<>();
        FunctionInstance[] all;
        lock.lock();
        try {
            retired = true;
            waiters.failAll(reason, completions);
            all = instances.snapshot();
        } finally {
            lock.unlock();
        }
        completions.forEach(Runnable::run);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (FunctionInstance instance : all) {
            instance.occupancy().retire();
            stopping.add(instance.stop(false));
        }
        return stopping;
    }

    // ---- inside

    private InstanceLease lease(boolean coldStart) {
        FunctionInstance instance = instances.take();
        return instance == null ? null : new InstanceLease(instance, this, coldStart);
    }

    /** Under the lock: starts the instances the waiting requests need, as far as the executor type allows. */
    private void startForWaiters() {
        if (waiters.isEmpty()) return;
        startInstances(Math.ceilDiv(waiters.waiting(), limits.perInstance()) - starting);
    }

    /** Under the lock. */
    private void startInstances(int count) {
        for (int i = 0; i < count && mayStartAnother(); i++) {
            starting++;
            waiters.markAllCold();
            Deadline deadline = Deadline.after(limits.specializationTimeout());
            context.specializations.run(displayName, deadline, () -> source.provide(function, deadline),
                    this::timedOut, this::specialized);
        }
    }

    /** Under the lock. Instances still finishing their requests count: they hold their resources. */
    private boolean mayStartAnother() {
        return !retired && starting < limits.parallelStarts() && instances.size() + starting < limits.maxInstances();
    }

    private FunctionUnavailableException timedOut() {
        return new FunctionUnavailableException("function \"" + displayName + "\" was not ready within its specialization timeout of "
                + limits.specializationTimeout().toSeconds() + " s", true, null);
    }

    private void specialized(ProvidedInstance provided, Throwable failure) {
        List<Runnable> completions = new ArrayList<>();
        FunctionInstance added = null;
        FunctionUnavailableException error = null;
        boolean stale;
        boolean drained = false;
        lock.lock();
        try {
            starting--;
            stale = latestPackageVersion != null;
            if (failure != null) {
                context.coldStartErrors.increment();
                error = unavailable(failure);
                if (!error.isTransient()) {
                    rejection = error;
                    rejectedAtNanos = System.nanoTime();
                }
                growthPausedUntilNanos = System.nanoTime() + growthPauses.next().toNanos();
                // Another instance under way may still serve the waiters; the last to fail tells them why.
                if (starting == 0) waiters.failAll(error, completions);
                drained = retired && instances.isEmpty() && starting == 0;
            } else if (retired) {
                drained = instances.isEmpty() && starting == 0;
            } else {
                context.coldStarts.increment();
                growthPauses.reset();
                added = new FunctionInstance(provided, limits);
                instances.add(added);
                packageVersion = provided.packageVersion();
                stale = stale && !latestPackageVersion.equals(packageVersion);
                waiters.serve(this::lease, completions);
                startForWaiters();
                refuseOverdue(completions);
            }
        } finally {
            lock.unlock();
        }
        if (failure == null && added == null) provided.instance().stop(Duration.ZERO); // retired meanwhile
        if (error != null) LOG.warn("Function {} could not be made ready: {}", displayName, error.getMessage());
        if (added != null) watchEnd(added);
        completions.forEach(Runnable::run);
        if (stale) context.owner.retire(this);
        if (drained) context.owner.drained(this);
    }

    private void watchEnd(FunctionInstance instance) {
        instance.instance().exited().whenComplete((status, error) -> {
            boolean expected = instance.occupancy().retired();
            // Out of service before anyone hears of the end, so that nobody who heard gets it again.
            instance.occupancy().retire();
            remove(instance);
            instance.ended(status);
            if (!expected) {
                LOG.info("Instance {} of function {} ended unexpectedly: {}", instance, displayName, instance.endDescription());
            }
        });
    }

    private void check(FunctionInstance instance, Throwable cause) {
        if (InstanceHealth.reachable(instance.instance(), HEALTH_CHECK_TIMEOUT)) {
            instance.occupancy().resume();
            // Under the lock, so that a request queued while the instance was suspended is not left waiting.
            serveWaiters();
            return;
        }
        LOG.warn("Instance {} of function {} is unreachable ({}); replacing it", instance, displayName,
                cause == null ? "no cause given" : cause.toString());
        instance.occupancy().retire();
        discard(instance, false);
    }

    private void discard(FunctionInstance instance, boolean graceful) {
        instance.stop(graceful);
        remove(instance);
    }

    /** Takes an ended or stopped instance out, and lets waiters have a replacement. */
    private void remove(FunctionInstance instance) {
        List<Runnable> completions = new ArrayList<>();
        boolean drained;
        lock.lock();
        try {
            if (!instances.remove(instance)) return;
            startForWaiters();
            refuseOverdue(completions);
            drained = retired && instances.isEmpty() && starting == 0;
        } finally {
            lock.unlock();
        }
        completions.forEach(Runnable::run);
        if (drained) context.owner.drained(this);
    }

    private void serveWaiters() {
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            waiters.serve(this::lease, completions);
        } finally {
            lock.unlock();
        }
        completions.forEach(Runnable::run);
    }

    private void waitExpired(Waiter waiter) {
        lock.lock();
        try {
            if (waiter.isDone() || !waiters.contains(waiter)) return;
            if (starting > 0) {
                waiter.markOverdue(); // an instance under way may still serve it
                return;
            }
            waiters.remove(waiter);
        } finally {
            lock.unlock();
        }
        WaitQueue.fail(waiter, refusal());
    }

    /** Under the lock: waiters past their wait are refused once no instance under way may serve them. */
    private void refuseOverdue(List<Runnable> completions) {
        waiters.refuseOverdue(() -> starting > 0, this::refusal, completions);
    }

    private TooManyRequestsException refusal() {
        return new TooManyRequestsException(limits.atLimitMessage(displayName));
    }

    private FunctionUnavailableException unavailable(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FunctionUnavailableException unavailable) return unavailable;
        return new FunctionUnavailableException("function \"" + displayName + "\" could not be made ready: " + cause, true, cause);
    }

    private static Reference resolve(Reference reference, String namespace) {
        Reference resolved = new Reference().namespace(namespace);
        if (reference == null) return resolved;
        return resolved.namespace(reference.namespaceOr(namespace)).name(reference.name());
    }

    @Override
    public String toString() {
        return displayName + "@" + version;
    }
}
