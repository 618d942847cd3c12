package io.fissile.controller.archives;

import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;

import java.util.Locale;
import java.util.regex.Pattern;

/** Archive ids and expected checksums as requests give them: SHA-256 digests in hex. */
final class ArchiveIds {
    static final String CHECKSUM_HEADER = "X-Fissile-Checksum-Sha256";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ArchiveIds() {
    }

    /** The id in the path; anything that is not a digest names no archive. */
    static String fromPath(Exchange exchange) {
        String id = exchange.pathParam("id").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(id).matches()) {
            throw ApiError.notFound("no archive " + exchange.pathParam("id") + ": archive ids are SHA-256 digests in hex");
        }
        return id;
    }

    /** The checksum the client expects, from the header or {@code ?checksum=}; null when it gave none. */
    static String expectedChecksum(Exchange exchange) {
        String header = blankToNull(exchange.request().getHeader(CHECKSUM_HEADER));
        String query = exchange.query("checksum");
        if (header != null && query != null && !header.equalsIgnoreCase(query)) {
            throw ApiError.badRequest("the " + CHECKSUM_HEADER + " header and ?checksum= disagree");
        }
        String given = header != null ? header : query;
        if (given == null) return null;
        String hex = given.trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw ApiError.badRequest("the checksum must be a SHA-256 digest (64 hex digits), not \"" + given + "\"");
        }
        return hex;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
