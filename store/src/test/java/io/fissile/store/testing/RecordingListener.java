package io.fissile.store.testing;

import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;
import io.fissile.store.WatchListener;

import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** Keeps every event and the end of a watch, for the tests of every ResourceStore to wait on. */
public class RecordingListener<R extends Resource<?, ?>> implements WatchListener<R> {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Waits up to {@link #PATIENCE}, checking often, since most conditions hold within milliseconds. */
    public static ConditionFactory patiently() {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    public final List<WatchEvent<R>> events = new CopyOnWriteArrayList<>();
    /** Completes when the watch ends, with its cause if it had one. */
    public final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();

    @Override
    public void onEvent(WatchEvent<R> event) {
        events.add(event);
    }

    @Override
    public void onClose(Throwable cause) {
        closed.complete(Optional.ofNullable(cause));
    }

    /** Each event as "TYPE namespace/name". */
    public List<String> seen() {
        return events.stream()
                .map(e -> e.type() + " " + e.object().namespace() + "/" + e.object().name())
                .toList();
    }

    public List<String> awaitSeen(int count) {
        patiently().until(() -> events.size() >= count);
        return seen();
    }

    public Optional<Throwable> awaitClosed() {
        patiently().until(closed::isDone);
        return closed.join();
    }
}
