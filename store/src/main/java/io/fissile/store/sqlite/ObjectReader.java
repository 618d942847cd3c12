package io.fissile.store.sqlite;

import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;
import io.fissile.api.WatchEvent;
import io.fissile.store.ExpiredException;

import java.util.List;
import java.util.Optional;

/** Reads, each in one transaction of its own, so that what it returns is consistent with one resource version. */
final class ObjectReader implements AutoCloseable {
    private final ReadConnections connections;

    ObjectReader(ReadConnections connections) {
        this.connections = connections;
    }

    <R extends Resource<?, ?>> Optional<R> get(Kind<R> kind, ObjectKey key) {
        return connections.read(c -> ObjectTable.find(c, key)).map(json -> Codec.fromJson(json, kind.type()));
    }

    /** @param namespace one namespace, or null for all */
    <R extends Resource<?, ?>> ResourceList<R> list(Kind<R> kind, String namespace, LabelSelector selector) {
        Snapshot snapshot = snapshot(kind, namespace);
        List<R> items = snapshot.objects().stream()
                .map(object -> Codec.fromJson(object.json(), kind.type()))
                .filter(item -> selector.matches(item.metadata().labels()))
                .toList();
        return ResourceList.of(kind, items, Long.toString(snapshot.revision()));
    }

    /** Where a watch from the beginning starts: an ADDED event for every object, as of one resource version. */
    Replay existing(Kind<?> kind, String namespace) {
        Snapshot snapshot = snapshot(kind, namespace);
        List<ChangeEvent> added = snapshot.objects().stream()
                .map(object -> new ChangeEvent(snapshot.revision(), WatchEvent.Type.ADDED, object.key(), object.json()))
                .toList();
        return new Replay(added, snapshot.revision());
    }

    /**
     * Where a watch from a resource version starts: every change after it, up to the latest.
     *
     * @throws ExpiredException if the log no longer holds all of them, or the version is newer than the store's
     */
    Replay changesAfter(Kind<?> kind, String namespace, long resourceVersion) {
        return connections.read(c -> {
            long revision = Meta.get(c, Meta.REVISION);
            long compactedThrough = Meta.get(c, Meta.COMPACTED_THROUGH);
            if (resourceVersion < compactedThrough) {
                throw new ExpiredException("resourceVersion " + resourceVersion + " is too old: the store keeps the changes"
                        + " after " + compactedThrough + " only; list again and watch from the list's resourceVersion");
            }
            if (resourceVersion > revision) {
                throw new ExpiredException("resourceVersion " + resourceVersion + " is newer than the store's latest ("
                        + revision + "); list again and watch from the list's resourceVersion");
            }
            return new Replay(EventLog.after(c, resourceVersion, kind.name(), namespace), revision);
        });
    }

    private Snapshot snapshot(Kind<?> kind, String namespace) {
        return connections.read(c -> new Snapshot(ObjectTable.list(c, kind.name(), namespace), Meta.get(c, Meta.REVISION)));
    }

    @Override
    public void close() {
        connections.close();
    }

    /** The objects of a kind as of one resource version. */
    private record Snapshot(List<ObjectTable.StoredObject> objects, long revision) {
    }

    /** What a new watch hands over first, and the resource version it brings the watcher up to. */
    record Replay(List<ChangeEvent> events, long through) {
    }
}
