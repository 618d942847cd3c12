package io.fissile.kubernetes.store;

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

/** Keeps every event a watch delivers and how it ended, for tests to wait on. */
class RecordingListener<R extends Resource<?, ?>> implements WatchListener<R> {
    final List<WatchEvent<R>> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();

    static ConditionFactory patiently() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    @Override
    public void onEvent(WatchEvent<R> event) {
        events.add(event);
    }

    @Override
    public void onClose(Throwable cause) {
        closed.complete(Optional.ofNullable(cause));
    }

    /** Each event as "TYPE namespace/name". */
    List<String> seen() {
        return events.stream().map(e -> e.type() + " " + e.object().namespace() + "/" + e.object().name()).toList();
    }

    List<String> awaitSeen(int count) {
        patiently().until(() -> events.size() >= count);
        return seen();
    }

    Optional<Throwable> awaitClosed() {
        patiently().until(closed::isDone);
        return closed.join();
    }
}
