package io.fissile.storage.fs;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the steps that put an archive in place or take it away, per id, so that an upload
 * of bytes already stored and a deletion of them cannot interleave. Striped: a fixed set of locks
 * shared by ids, as contention on one id is rare and brief.
 */
final class IdLocks {
    private final Lock[] stripes = new Lock[64];

    IdLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    Lock forId(String id) {
        return stripes[Math.floorMod(id.hashCode(), stripes.length)];
    }
}
