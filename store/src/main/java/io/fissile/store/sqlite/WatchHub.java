package io.fissile.store.sqlite;

import java.util.ArrayList;
import java.util.List;

/** The open watches, and the hand-over of each committed change to those that want it. */
final class WatchHub {
    private final List<WatchSubscription<?>> subscriptions = new ArrayList<>();
    private boolean closed;

    /** Adds a watch; refused once the hub is closed, so that no watch outlives the store. */
    synchronized void register(WatchSubscription<?> subscription) {
        if (closed) throw SqliteResourceStore.closedError();
        subscriptions.add(subscription);
    }

    synchronized void remove(WatchSubscription<?> subscription) {
        subscriptions.remove(subscription);
    }

    /** Called by the writer after each commit, in resource-version order; only queues, never waits. */
    synchronized void publish(ChangeEvent event) {
        for (WatchSubscription<?> subscription : subscriptions) {
            if (subscription.wants(event)) subscription.offer(event);
        }
    }

    /** Ends every watch with no cause, and refuses new ones. */
    void closeAll() {
        List<WatchSubscription<?>> open;
        synchronized (this) {
            closed = true;
            open = List.copyOf(subscriptions);
        }
        open.forEach(WatchSubscription::close);
    }
}
