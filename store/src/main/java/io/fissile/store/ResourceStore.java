package io.fissile.store;

import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;

import java.util.Optional;

/**
 * The one source of truth for resources, with Kubernetes API semantics.
 *
 * <ul>
 *   <li>Every write gets a new, store-wide increasing {@code resourceVersion}; a write is durable
 *       when the call returns.</li>
 *   <li>{@link #update} and {@link #updateStatus} refuse a stale {@code metadata.resourceVersion}
 *       with a {@link ConflictException}; an empty one means "whatever is stored".</li>
 *   <li>{@link #update} writes metadata and spec and keeps the stored status; it bumps
 *       {@code generation} only when the spec changes. {@link #updateStatus} writes only the
 *       status and never bumps {@code generation}. A write that changes nothing returns the stored
 *       object and creates no event.</li>
 *   <li>An empty namespace means {@code default}.</li>
 * </ul>
 * Objects passed in are not kept; objects returned are the caller's own copies.
 */
public interface ResourceStore extends AutoCloseable {

    /** The stored object, if any. */
    <R extends Resource<?, ?>> Optional<R> get(Kind<R> kind, String namespace, String name);

    /**
     * Objects of a kind, in one namespace or in all ({@code namespace} null), that match the
     * selector, sorted by namespace and name, with the resource version the list is consistent with.
     */
    <R extends Resource<?, ?>> ResourceList<R> list(Kind<R> kind, String namespace, LabelSelector selector);

    /**
     * Stores a new object. Sets {@code uid}, {@code resourceVersion}, {@code generation} (1) and
     * {@code creationTimestamp}, keeping a status given with it.
     *
     * @throws AlreadyExistsException if an object of that kind, namespace and name exists
     */
    <R extends Resource<?, ?>> R create(R resource);

    /**
     * Replaces metadata (labels, annotations, unknown fields) and spec; status is kept as stored.
     *
     * @throws NotFoundException if there is no such object
     * @throws ConflictException if {@code metadata.resourceVersion} (or {@code uid}) is set and stale
     */
    <R extends Resource<?, ?>> R update(R resource);

    /**
     * Replaces the status only.
     *
     * @throws NotFoundException if there is no such object
     * @throws ConflictException if {@code metadata.resourceVersion} is set and stale
     */
    <R extends Resource<?, ?>> R updateStatus(R resource);

    /**
     * Deletes an object and returns it as it was last stored.
     *
     * @throws NotFoundException if there is no such object
     */
    <R extends Resource<?, ?>> R delete(Kind<R> kind, String namespace, String name);

    /**
     * Watches changes to a kind in one namespace or all ({@code namespace} null).
     * <p>
     * With {@code fromResourceVersion} null or empty, the listener first gets an ADDED event for
     * every existing object, then every change. With a version (e.g. that of a {@link #list}), it
     * gets every change made after that version, in order, then every later change: nothing is
     * missed and nothing is repeated. A version of {@code "0"} means the same as none, as in Kubernetes.
     * <p>
     * Events reach the listener in order, on a thread of the store's, never while a write is
     * being made. Each listener gets objects of its own.
     *
     * @throws ExpiredException if changes after that version are no longer kept, or the version is
     *                          newer than the store's (a watcher of another store): list again
     * @throws IllegalArgumentException if the version is not a resource version at all
     */
    <R extends Resource<?, ?>> Watch watch(Kind<R> kind, String namespace, String fromResourceVersion,
                                          WatchListener<R> listener);

    /** The resource version of the latest write. */
    String currentResourceVersion();

    /** Closes the store; open watches end with {@link WatchListener#onClose} and no cause. */
    @Override
    void close();
}
