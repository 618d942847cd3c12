package io.fissile.store.sqlite;

import io.fissile.api.Codec;
import io.fissile.api.ObjectMeta;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;
import io.fissile.store.AlreadyExistsException;
import io.fissile.store.ConflictException;
import io.fissile.store.NotFoundException;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The Kubernetes rules for each write, as pure functions of the stored object (null when there is
 * none) and the object passed in. They never touch the caller's object: results are copies.
 */
final class WriteRules {
    private WriteRules() {
    }

    static <R extends Resource<?, ?>> Outcome<R> create(R stored, R incoming, ObjectKey key, Instant now) {
        if (stored != null) throw new AlreadyExistsException(key.describe() + " already exists");
        R created = Codec.copy(incoming);
        created.metadata()
                .namespace(key.namespace())
                .uid(UUID.randomUUID().toString())
                .generation(1L)
                .creationTimestamp(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)))
                .resourceVersion(null);
        return Outcome.change(WatchEvent.Type.ADDED, created);
    }

    /** Metadata and spec from the caller; identity, creation time and status as stored; a new generation for a new spec. */
    static <R extends Resource<?, ?>> Outcome<R> update(R stored, R incoming, ObjectKey key) {
        requireCurrent(stored, incoming, key);
        ObjectMeta was = stored.metadata();
        long generation = Objects.requireNonNullElse(was.generation(), 1L);
        R updated = Codec.copy(incoming);
        updated.metadata()
                .namespace(key.namespace())
                .uid(was.uid())
                .creationTimestamp(was.creationTimestamp())
                .resourceVersion(was.resourceVersion())
                .generation(Codec.sameContent(incoming.spec(), stored.spec()) ? generation : generation + 1);
        replaceStatus(updated, stored);
        return Codec.sameContent(updated, stored) ? Outcome.unchanged(stored)
                : Outcome.change(WatchEvent.Type.MODIFIED, updated);
    }

    /** The stored object with the caller's status. */
    static <R extends Resource<?, ?>> Outcome<R> updateStatus(R stored, R incoming, ObjectKey key) {
        requireCurrent(stored, incoming, key);
        R updated = Codec.copy(stored);
        replaceStatus(updated, incoming);
        return Codec.sameContent(updated.status(), stored.status()) ? Outcome.unchanged(stored)
                : Outcome.change(WatchEvent.Type.MODIFIED, updated);
    }

    static <R extends Resource<?, ?>> Outcome<R> delete(R stored, ObjectKey key) {
        requireExisting(stored, key);
        return Outcome.change(WatchEvent.Type.DELETED, stored);
    }

    /** Optimistic concurrency: a resource version or uid given by the caller must be the stored one. */
    private static void requireCurrent(Resource<?, ?> stored, Resource<?, ?> incoming, ObjectKey key) {
        requireExisting(stored, key);
        String readVersion = incoming.metadata().resourceVersion();
        String storedVersion = stored.metadata().resourceVersion();
        if (readVersion != null && !readVersion.isEmpty() && !readVersion.equals(storedVersion)) {
            throw new ConflictException(key.describe() + " has changed since it was read (read at resourceVersion "
                    + readVersion + ", now at " + storedVersion + "); read it again and retry");
        }
        String readUid = incoming.metadata().uid();
        String storedUid = stored.metadata().uid();
        if (readUid != null && !readUid.isEmpty() && !readUid.equals(storedUid)) {
            throw new ConflictException(key.describe() + " has changed since it was read: it was deleted and created"
                    + " again (read with uid " + readUid + ", now " + storedUid + "); read it again and retry");
        }
    }

    private static void requireExisting(Resource<?, ?> stored, ObjectKey key) {
        if (stored == null) throw new NotFoundException(key.describe() + " not found");
    }

    /** Both objects are of the same kind, so their status types are the same; Java cannot see that through the wildcards. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replaceStatus(Resource target, Resource<?, ?> source) {
        target.status(source.status() == null ? null : Codec.copy(source.status()));
    }
}
