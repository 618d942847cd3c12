package io.fissile.controller.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;

/**
 * Runs blocking work (the SQLite store, archive files) on the controller's worker threads, so that
 * the event loop only ever moves bytes. Results come back on the caller's event loop.
 */
public final class Blocking {
    private final WorkerExecutor workers;

    public Blocking(WorkerExecutor workers) {
        this.workers = workers;
    }

    public <T> Future<T> run(Callable<T> work) {
        // Unordered: requests must not queue behind each other's store calls.
        return workers.executeBlocking(work, false);
    }

    /** A queue of blocking steps that run one after another, for work on one object such as an upload. */
    public SerialTasks serial() {
        return new SerialTasks(this);
    }
}
