package io.fissile.api;

/** The status of a kind whose status Fissile does not model: whatever was written is kept. */
public final class ResourceStatus extends Extensible {
}
