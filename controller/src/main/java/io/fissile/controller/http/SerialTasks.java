package io.fissile.controller.http;

import io.vertx.core.Future;

import java.util.concurrent.Callable;

/**
 * Blocking steps on one object that is not thread-safe (an upload, an open file): each step starts
 * when the one before has finished, whatever its outcome. Use from one event loop only.
 */
public final class SerialTasks {
    private final Blocking blocking;
    private Future<?> last = Future.succeededFuture();

    SerialTasks(Blocking blocking) {
        this.blocking = blocking;
    }

    public <T> Future<T> submit(Callable<T> step) {
        Future<T> next = last.transform(ignored -> blocking.run(step));
        last = next;
        return next;
    }
}
