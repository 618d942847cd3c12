package io.fissile.spec;

/** An object read from a spec directory, with where it was written. */
public record Located<T>(T value, SpecLocation location) {
}
