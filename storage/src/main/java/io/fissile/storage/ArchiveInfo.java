package io.fissile.storage;

import java.time.Instant;

/**
 * A stored archive.
 *
 * @param id the lower-case hex SHA-256 of its bytes
 * @param size its length in bytes
 * @param created when it was stored; storing the same bytes again renews it, so that the grace
 *                period before an unreferenced archive is pruned starts again with each upload
 */
public record ArchiveInfo(String id, long size, Instant created) {
    /** The SHA-256 digest, which is the id. */
    public String sha256() {
        return id;
    }

    /** Where the controller serves it, relative to the controller's address. */
    public String urlPath() {
        return ArchiveStore.urlPath(id);
    }
}
