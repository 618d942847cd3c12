package io.fissile.builder.internal;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Package;
import io.fissile.builder.BuilderOptions;
import io.fissile.runtime.CommandRunner;
import io.fissile.runtime.archive.ArchiveFetcher;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs builds, a few at a time, at most one per package. Asking again for a package whose build is
 * queued or running with the same inputs changes nothing; with new inputs, a running build is
 * stopped (its command ended) and the package built again from what it holds now.
 */
public final class BuildQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BuildQueue.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** A package's build: queued (no thread yet) or running. */
    private static final class Slot {
        BuildInputs inputs;
        Thread thread;
        boolean again;

        Slot(BuildInputs inputs) {
            this.inputs = inputs;
        }
    }

    private final BuildJob job;
    private final ExecutorService workers;
    private final Map<PackageKey, Slot> slots = new HashMap<>();

    public BuildQueue(BuilderOptions options, ResourceStore store, Informer<Environment> environments, ArchiveStore archives,
                      CommandRunner runner) {
        BuildScripts scripts = BuildScripts.install(options.workDir().resolve("scripts"));
        ArchiveFetcher fetcher = new ArchiveFetcher(archives, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build());
        this.job = new BuildJob(options, new StatusWriter(store, Clock.systemUTC()), environments, archives, fetcher, runner, scripts);
        this.workers = Executors.newFixedThreadPool(options.parallelBuilds(),
                Thread.ofPlatform().name("fissile-builder-", 1).daemon().factory());
    }

    /** Builds the package from what it holds when its build starts. */
    public synchronized void request(Package pkg) {
        PackageKey key = PackageKey.of(pkg);
        BuildInputs inputs = BuildInputs.of(pkg);
        Slot slot = slots.get(key);
        if (slot == null) {
            slot = new Slot(inputs);
            slots.put(key, slot);
            submit(key, slot);
        } else if (!slot.inputs.equals(inputs)) {
            slot.inputs = inputs;
            if (slot.thread != null) {
                slot.again = true;
                slot.thread.interrupt();
            }
        }
    }

    /** Stops the package's build, if any (the package is gone). */
    public synchronized void forget(PackageKey key) {
        Slot slot = slots.get(key);
        if (slot != null && slot.thread != null) {
            slot.again = false;
            slot.thread.interrupt();
        }
    }

    /** Stops every build (their commands are ended); their packages build again when the builder starts again. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) LOG.warn("Some builds did not stop in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(PackageKey key, Slot slot) {
        if (workers.isShutdown()) return;
        workers.execute(() -> run(key, slot));
    }

    private void run(PackageKey key, Slot slot) {
        synchronized (this) {
            slot.thread = Thread.currentThread();
        }
        try {
            job.build(key);
        } catch (InterruptedException stopped) {
            LOG.info("The build of {} was stopped", key);
        } catch (RuntimeException e) {
            LOG.warn("The build of {} could not finish: {}", key, e.toString());
        } finally {
            synchronized (this) {
                slot.thread = null;
                // An interrupt meant for this build must not reach the next one on this thread.
                Thread.interrupted();
                if (slot.again) {
                    slot.again = false;
                    submit(key, slot);
                } else {
                    slots.remove(key, slot);
                }
            }
        }
    }
}
