package io.fissile.executor.poolmgr;

import io.fissile.api.v1.Environment;
import io.fissile.executor.instances.Backoff;
import io.fissile.executor.specialize.InstanceCall;
import io.fissile.executor.specialize.InstanceSpecs;
import io.fissile.executor.specialize.InstanceStarts;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * An environment's warm generic instances, kept at its pool size by one background filler that
 * starts a replacement whenever one is taken or dies. When starting keeps failing (an unknown
 * image, a runtime that crashes) the filler backs off, doubling its wait up to half a minute, and
 * the last error is kept: requests for the environment's functions fail with it at once instead of
 * each trying again. A warm instance that dies is replaced after a backoff too, so that a runtime
 * that crashes once it is up does not spin either.
 */
final class WarmPool {

    private static final Logger LOG = LoggerFactory.getLogger(WarmPool.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REFILL_DELAY = Duration.ofMillis(50);
    private static final byte[] WARM_UP_BODY = "{\"warmUp\":true}".getBytes(StandardCharsets.UTF_8);

    private final Environment environment;
    private final InstanceSpec spec;
    private final int size;
    private final Duration stopGrace;
    private final InstanceRuntime runtime;
    private final Deque<Instance> ready = new ConcurrentLinkedDeque<>();
    /** Released when an instance is taken or dies, to wake the filler. */
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private volatile String lastError;
    private volatile long failingUntilNanos;
    private volatile CompletableFuture<Instance> starting;
    private volatile boolean warmInstanceDied;
    private Thread filler;

    private WarmPool(Environment environment, InstanceRuntime runtime, Duration stopGrace) {
        this.environment = environment;
        this.spec = InstanceSpecs.of(environment);
        this.size = Math.max(0, environment.spec().effectivePoolSize());
        this.stopGrace = stopGrace;
        this.runtime = runtime;
    }

    /** A pool for the environment, filling in the background from now on. */
    static WarmPool start(Environment environment, InstanceRuntime runtime, Duration stopGrace) {
        WarmPool pool = new WarmPool(environment, runtime, stopGrace);
        pool.filler = Thread.ofVirtual().name("warm-pool-" + environment.namespace() + "-" + environment.name()).start(pool::fill);
        return pool;
    }

    /** The environment as it was when the pool was made. */
    Environment environment() {
        return environment;
    }

    /** A warm instance, at once, or null when none is ready. */
    Instance take() {
        for (Instance instance; (instance = ready.pollFirst()) != null; ) {
            if (instance.isAlive()) {
                wake.release();
                return instance;
            }
        }
        return null;
    }

    /**
     * A warm instance, or a freshly started one when the pool is empty (a cold start); fails at once
     * with the last error while starting instances keeps failing.
     */
    Instance takeOrStart(Duration timeout) throws InterruptedException {
        Instance instance = take();
        if (instance != null) return instance;
        if (closed) throw new InstanceStartException(describe() + " was changed or deleted meanwhile");
        String error = lastError;
        if (error != null && System.nanoTime() - failingUntilNanos < 0) throw new InstanceStartException(error);
        return InstanceStarts.start(runtime, spec, timeout, describe());
    }

    int size() {
        return size;
    }

    int warm() {
        return ready.size();
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Stops filling and stops the warm instances (gracefully, so that a JVM can keep its class-data archive). */
    List<CompletableFuture<Void>> close() {
        closed = true;
        CompletableFuture<Instance> pending = starting;
        if (pending != null) pending.cancel(true);
        if (filler != null) filler.interrupt();
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Instance instance; (instance = ready.pollFirst()) != null; ) stopping.add(instance.stop(stopGrace));
        return stopping;
    }

    private void fill() {
        Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
        try {
            while (!closed) {
                if (ready.size() >= size) {
                    wake.acquire();
                    // A replacement's start-up keeps a core busy for tens of milliseconds; begun at once, it
                    // would slow down the cold start that just took an instance. That one finishes first.
                    Thread.sleep(REFILL_DELAY);
                    continue;
                }
                // A runtime that dies soon after it is up must not be restarted in a tight loop either.
                if (warmInstanceDied) {
                    warmInstanceDied = false;
                    Thread.sleep(backoff.next());
                }
                Instance instance = startOne(backoff);
                if (instance != null) {
                    warmUp(instance);
                    addReady(instance);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** One instance, or null after a failure (having waited out the backoff). */
    private Instance startOne(Backoff backoff) throws InterruptedException {
        CompletableFuture<Instance> future = runtime.start(spec);
        starting = future;
        try {
            Instance instance = future.get();
            backoff.reset();
            if (lastError != null) LOG.info("{} starts instances again", describe());
            lastError = null;
            return instance;
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            future.cancel(true); // closed: the runtime stops the instance once it is up
            throw e;
        } catch (ExecutionException e) {
            Duration delay = backoff.next();
            lastError = InstanceStarts.failureMessage(describe(), e.getCause());
            failingUntilNanos = System.nanoTime() + delay.toNanos();
            LOG.warn("{}; trying again in {} s", lastError, delay.toSeconds());
            Thread.sleep(delay);
            return null;
        } finally {
            starting = null;
        }
    }

    /**
     * Sends the new instance one request (it answers that it is generic). A runtime's first request
     * pays for lazy set-up, Node's HTTP parser and JIT above all; paid here, it stays off the cold start.
     * It is a POST with a JSON body, as the specialize call is, so that reading a body is warm too, on a
     * kept-alive connection, as the router's requests are.
     */
    private static void warmUp(Instance instance) {
        try {
            InstanceCall.postKeepingAlive(instance.address(), "/", "application/json", WARM_UP_BODY, WARM_UP_TIMEOUT);
        } catch (IOException e) {
            LOG.debug("Warming up instance {} failed: {}", instance.id(), e.toString());
        }
    }

    private void addReady(Instance instance) {
        ready.addLast(instance);
        instance.exited().thenRun(() -> {
            if (ready.remove(instance)) {
                LOG.info("Warm instance {} of {} ended; starting another", instance.id(), describe());
                warmInstanceDied = true;
                wake.release();
            }
        });
        if (closed && ready.remove(instance)) instance.stop(Duration.ZERO);
    }

    private String describe() {
        return "environment \"" + environment.namespace() + "/" + environment.name() + "\"";
    }
}
