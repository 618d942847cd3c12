package io.fissile.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Package archives, content-addressed: an archive's id is the lower-case hex SHA-256 of its bytes.
 * Bytes are streamed to and from disk, never held whole in memory. An upload becomes visible only
 * once complete and verified, so a stored archive is never replaced by a broken one.
 */
public interface ArchiveStore {

    /** The path under the controller's address where an archive is served, e.g. {@code /v2/archives/<id>}. */
    static String urlPath(String id) {
        return "/v2/archives/" + id;
    }

    /**
     * The archive id named by a package URL that points into this store (the form
     * {@link #urlPath} makes, relative or behind any host), if it is one.
     */
    static Optional<String> idFromUrl(String url) {
        if (url == null) return Optional.empty();
        int at = url.indexOf("/v2/archives/");
        if (at < 0) return Optional.empty();
        String id = url.substring(at + "/v2/archives/".length());
        int end = id.indexOf('?');
        if (end >= 0) id = id.substring(0, end);
        return isArchiveId(id) ? Optional.of(id) : Optional.empty();
    }

    /** True when the text is a well-formed archive id: 64 lower-case hex digits, nothing else. */
    static boolean isArchiveId(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    /**
     * Starts an upload of at most {@code maxBytes} bytes (no limit when 0 or less). Write the bytes
     * to it, then {@link ArchiveUpload#commit commit}; closing without committing discards them.
     */
    ArchiveUpload begin(long maxBytes);

    /** Stores a whole stream; see {@link ArchiveUpload#commit} for the checksum. */
    default ArchiveInfo put(InputStream in, String expectedSha256) throws IOException {
        try (ArchiveUpload upload = begin(0)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                upload.write(buffer, 0, n);
            }
            return upload.commit(expectedSha256);
        }
    }

    Optional<ArchiveInfo> info(String id);

    /**
     * Opens an archive for reading. The stream checks the bytes against the id as they are read
     * and throws {@link ChecksumMismatchException} at the end if the file on disk was damaged.
     *
     * @throws ArchiveNotFoundException if there is no such archive
     */
    InputStream open(String id) throws IOException;

    /** The archive's file, for readers in the same process that can take it from disk directly. */
    Optional<Path> file(String id);

    /** All archives, oldest first. */
    List<ArchiveInfo> list();

    /** Deletes an archive; false if there was none. */
    boolean delete(String id);

    /**
     * Deletes an archive only if it was created before {@code cutoff}; false if it was not or there
     * was none. Pruning uses this so that an archive uploaded again meanwhile (which renews its
     * creation time) survives. This default checks, then deletes; a store that can do both at once
     * against a concurrent upload should.
     */
    default boolean deleteIfCreatedBefore(String id, Instant cutoff) {
        return info(id).filter(archive -> archive.created().isBefore(cutoff)).isPresent() && delete(id);
    }
}
