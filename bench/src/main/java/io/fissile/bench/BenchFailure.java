package io.fissile.bench;

/** A step of the benchmark run failed; the message says which and why, for the person running it. */
public final class BenchFailure extends RuntimeException {
    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
