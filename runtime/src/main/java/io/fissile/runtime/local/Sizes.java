package io.fissile.runtime.local;

/** Byte counts as people write them in Fission specs: {@code 128Mi}, {@code 1Gi}. */
final class Sizes {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long GIB = 1024 * MIB;

    private Sizes() {
    }

    static String format(long bytes) {
        if (bytes > 0 && bytes % GIB == 0) return bytes / GIB + "Gi";
        if (bytes > 0 && bytes % MIB == 0) return bytes / MIB + "Mi";
        if (bytes > 0 && bytes % KIB == 0) return bytes / KIB + "Ki";
        return Long.toString(bytes);
    }
}
