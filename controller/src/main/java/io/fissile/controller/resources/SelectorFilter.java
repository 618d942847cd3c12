package io.fissile.controller.resources;

import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;

import java.util.HashSet;
import java.util.Set;

/**
 * The events of a watch with a label selector, as Kubernetes shapes them: an object that stops
 * matching is DELETED for this watcher, one that starts matching is ADDED. It remembers which
 * objects its watcher holds, so it is exact for a watch that began with the ADDED events of every
 * object; a watch resumed from a version cannot know what its watcher held before, so there an
 * unseen object that matches is passed on as MODIFIED, and one that does not is left out.
 * Not thread-safe: the store hands a watch its events one at a time.
 */
final class SelectorFilter<R extends Resource<?, ?>> {
    private final LabelSelector selector;
    private final boolean resumed;
    private final Set<String> held = new HashSet<>();

    SelectorFilter(LabelSelector selector, boolean resumed) {
        this.selector = selector;
        this.resumed = resumed;
    }

    /** The event this watcher should see, or null for none. */
    WatchEvent<R> apply(WatchEvent<R> event) {
        if (selector.isEverything()) return event;
        R object = event.object();
        String key = object.namespace() + "/" + object.name();
        boolean matches = selector.matches(object.metadata().labels());
        boolean wasHeld = held.contains(key);
        return switch (event.type()) {
            case ADDED -> {
                if (!matches) yield null;
                held.add(key);
                yield event;
            }
            case MODIFIED -> {
                if (matches) {
                    held.add(key);
                    yield wasHeld || resumed ? event : new WatchEvent<>(WatchEvent.Type.ADDED, object);
                }
                yield held.remove(key) ? new WatchEvent<>(WatchEvent.Type.DELETED, object) : null;
            }
            case DELETED -> {
                boolean removed = held.remove(key);
                yield removed || matches ? event : null;
            }
        };
    }
}
