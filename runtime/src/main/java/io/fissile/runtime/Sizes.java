package io.fissile.runtime;

/** Byte counts as people write them in Fission specs: {@code 128Mi}, {@code 1Gi}. */
public final class Sizes {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;

    private Sizes() {
    }

    /** Whole units where the count is a multiple of one ({@code 1Gi}, {@code 512Mi}), else plain bytes. */
    public static String format(long bytes) {
        if (bytes > 0 && bytes % GIB == 0) return bytes / GIB + "Gi";
        if (bytes > 0 && bytes % MIB == 0) return bytes / MIB + "Mi";
        if (bytes > 0 && bytes % KIB == 0) return bytes / KIB + "Ki";
        return Long.toString(bytes);
    }
}
