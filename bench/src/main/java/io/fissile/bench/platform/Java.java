package io.fissile.bench.platform;

/** The java executable running this harness: the server and the heap probe run on the same JDK. */
public final class Java {
    private Java() {
    }

    public static String current() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
