package io.fissile.builder.internal;

/** A package that cannot be built as its environment stands; the message says why and what to do. */
final class BuildRefusedException extends RuntimeException {
    BuildRefusedException(String message) {
        super(message);
    }
}
