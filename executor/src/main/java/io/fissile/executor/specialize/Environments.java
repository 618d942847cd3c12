package io.fissile.executor.specialize;

import io.fissile.api.Codec;
import io.fissile.api.v1.Environment;

import java.util.Objects;

/** Comparing environments as the executor cares about them. */
public final class Environments {

    private Environments() {
    }

    /** The store bumps {@code generation} only when a spec changes; without generations, compare the specs. */
    public static boolean sameSpec(Environment a, Environment b) {
        Long generationA = a.metadata().generation();
        Long generationB = b.metadata().generation();
        if (generationA != null && generationB != null) return Objects.equals(generationA, generationB);
        return Codec.sameContent(a.spec(), b.spec());
    }
}
