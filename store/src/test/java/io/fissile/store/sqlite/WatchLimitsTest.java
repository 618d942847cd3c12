package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.store.testing.RecordingListener;
import io.fissile.api.WatchEvent;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.ExpiredException;
import io.fissile.store.StoreException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a watcher sees when it asks for too much history, falls behind or fails. */
class WatchLimitsTest extends StoreTestBase {

    @Override
    SqliteStoreOptions options() {
        return SqliteStoreOptions.defaults().withRetainedEvents(3).withRetainedFor(Duration.ZERO).withWatchQueueCapacity(5);
    }

    @Test
    void aWatchFromAVersionNoLongerKeptHasExpired() {
        for (int i = 1; i <= 10; i++) store.create(Samples.function("default", "fn-" + i));

        assertThatThrownBy(() -> store.watch(Kinds.FUNCTION, null, "2", new RecordingListener<>()))
                .isInstanceOf(ExpiredException.class)
                .hasMessageContaining("resourceVersion 2 is too old")
                .hasMessageContaining("list again");

        RecordingListener<Function> recent = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, "7", recent);
        assertThat(recent.awaitSeen(3)).containsExactly("ADDED default/fn-8", "ADDED default/fn-9", "ADDED default/fn-10");
    }

    @Test
    void aWatchFromAVersionTheStoreHasNotReachedHasExpired() {
        store.create(Samples.function("default", "fn"));

        assertThatThrownBy(() -> store.watch(Kinds.FUNCTION, null, "99", new RecordingListener<>()))
                .isInstanceOf(ExpiredException.class)
                .hasMessageContaining("newer than the store's latest (1)");
    }

    @Test
    void theLogKeepsEverythingOfTheRetentionWindowBeyondTheEventCount() {
        reopen(options().withRetainedFor(Duration.ofHours(1)));
        for (int i = 1; i <= 10; i++) store.create(Samples.function("default", "fn-" + i));

        RecordingListener<Function> listener = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, "1", listener);

        assertThat(listener.awaitSeen(9)).hasSize(9).first().isEqualTo("ADDED default/fn-2");
    }

    @Test
    void aWatcherThatFallsBehindIsClosedWithTheReasonWhileOthersCarryOn() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener<Function> slow = new RecordingListener<>() {
            @Override
            public void onEvent(WatchEvent<Function> event) {
                super.onEvent(event);
                awaitUninterruptibly(release);
            }
        };
        RecordingListener<Function> healthy = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, slow);
        store.watch(Kinds.FUNCTION, null, null, healthy);

        // One write at a time, so that the healthy watcher never has more than one event queued.
        for (int i = 1; i <= 20; i++) {
            store.create(Samples.function("default", "fn-" + i));
            healthy.awaitSeen(i);
        }
        release.countDown();

        assertThat(slow.awaitClosed()).get().isInstanceOf(StoreException.class)
                .extracting(Throwable::getMessage).asString().contains("fell 5 events behind");
        assertThat(slow.seen()).containsExactly("ADDED default/fn-1");
        store.create(Samples.function("default", "fn-21"));
        assertThat(healthy.awaitSeen(21)).last().isEqualTo("ADDED default/fn-21");
        assertThat(healthy.closed).isNotDone();
    }

    @Test
    void aWatcherThatThrowsIsClosedWithItsExceptionWhileOthersCarryOn() {
        IllegalStateException failure = new IllegalStateException("listener bug");
        RecordingListener<Function> failing = new RecordingListener<>() {
            @Override
            public void onEvent(WatchEvent<Function> event) {
                super.onEvent(event);
                if (events.size() == 2) throw failure;
            }
        };
        RecordingListener<Function> healthy = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, failing);
        store.watch(Kinds.FUNCTION, null, null, healthy);

        for (int i = 1; i <= 4; i++) store.create(Samples.function("default", "fn-" + i));

        assertThat(failing.awaitClosed()).containsSame(failure);
        assertThat(healthy.awaitSeen(4)).hasSize(4);
        assertThat(failing.seen()).containsExactly("ADDED default/fn-1", "ADDED default/fn-2");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
