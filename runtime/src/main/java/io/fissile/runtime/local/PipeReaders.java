package io.fissile.runtime.local;

/**
 * Threads that read a process's output. A read from a pipe blocks in native code and holds its
 * carrier thread, so on virtual threads a few quiet instances would take every carrier and starve
 * the rest of the server's virtual threads (health checks, specializations). These are platform
 * threads with a small stack instead, one per pipe.
 */
final class PipeReaders {

    private static final long STACK_BYTES = 256 * 1024;

    private PipeReaders() {
    }

    static Thread start(String name, Runnable reading) {
        return Thread.ofPlatform().name(name).daemon().stackSize(STACK_BYTES).start(reading);
    }
}
