package io.fissile.api;

/**
 * One change seen by a watch, as Kubernetes reports it: {@code {"type":"ADDED","object":{...}}}.
 * A DELETED event carries the object as it was last stored, with the resource version of the deletion.
 */
public record WatchEvent<R extends Resource<?, ?>>(Type type, R object) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
