package io.fissile.controller.archives;

import io.fissile.api.v1.Checksum;
import io.fissile.storage.ArchiveInfo;

import java.util.List;

/** An archive as the API describes it; the checksum only in the answer to an upload. */
record ArchiveJson(String id, long size, String created, String url, Checksum checksum) {

    static ArchiveJson of(ArchiveInfo info) {
        return new ArchiveJson(info.id(), info.size(), info.created().toString(), info.urlPath(), null);
    }

    static ArchiveJson uploaded(ArchiveInfo info) {
        return new ArchiveJson(info.id(), info.size(), info.created().toString(), info.urlPath(), Checksum.sha256(info.sha256()));
    }

    /** {@code {"items":[...]}} */
    record Listing(List<ArchiveJson> items) {
    }
}
