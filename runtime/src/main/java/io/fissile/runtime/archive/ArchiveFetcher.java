package io.fissile.runtime.archive;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;
import io.fissile.runtime.Sizes;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ArchiveStore;
import io.fissile.storage.ChecksumMismatchException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes a package's archive (its deployment, or its source for a build) to a file: a literal's
 * bytes; an archive of the local {@link ArchiveStore} straight from disk, its bytes checked against
 * its id; any other http(s) URL downloaded. The package's checksum, when given, must match, and an
 * archive over the size limit is refused before it fills the disk.
 */
public final class ArchiveFetcher {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final ArchiveStore store;
    private final HttpClient http;

    public ArchiveFetcher(ArchiveStore store, HttpClient http) {
        this.store = store;
        this.http = http;
    }

    /** As {@link #fetch(String, Archive, Path, Duration, long)} with no size limit. */
    public void fetch(String what, Archive archive, Path target, Duration timeout) throws IOException, InterruptedException {
        fetch(what, archive, target, timeout, 0);
    }

    /**
     * @param what     the archive, for messages (e.g. {@code the source archive of package "default/hello"})
     * @param timeout  how long a download may take
     * @param maxBytes the largest archive accepted, 0 or less for no limit
     * @throws ChecksumMismatchException when the bytes do not match the checksum
     * @throws InvalidArchiveException   when the archive cannot be fetched as written, or is over the limit
     * @throws IOException               when the download failed (trying again may work)
     */
    public void fetch(String what, Archive archive, Path target, Duration timeout, long maxBytes)
            throws IOException, InterruptedException {
        if (archive == null || archive.isEmpty()) throw new InvalidArchiveException(what + " is empty");
        if (archive.literal() != null && archive.literal().length > 0) {
            refuseIfOver(what, archive.literal().length, maxBytes);
            Files.write(target, archive.literal());
            return;
        }
        String url = archive.url();
        Optional<String> local = ArchiveStore.idFromUrl(url).filter(id -> store.info(id).isPresent());
        if (local.isPresent()) {
            copyLocal(what, local.get(), archive.checksum(), target, maxBytes);
        } else if (isHttp(url)) {
            download(what, url, archive.checksum(), target, timeout, maxBytes);
        } else if (ArchiveStore.idFromUrl(url).isPresent()) {
            throw new ArchiveNotFoundException(what + " (" + url + ") is not in the archive store");
        } else {
            throw new InvalidArchiveException(what + " has a URL Fissile cannot fetch: " + url);
        }
    }

    private void copyLocal(String what, String id, Checksum checksum, Path target, long maxBytes) throws IOException {
        Optional<String> expected = expectedSum(what, checksum);
        if (expected.isPresent() && !expected.get().equals(id)) throw mismatch(what, expected.get(), id);
        refuseIfOver(what, store.info(id).map(info -> info.size()).orElse(0L), maxBytes);
        try (InputStream in = store.open(id)) {
            Files.copy(in, target);
        }
    }

    private void download(String what, String url, Checksum checksum, Path target, Duration timeout, long maxBytes)
            throws IOException, InterruptedException {
        Optional<String> expected = expectedSum(what, checksum);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(positive(timeout)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        try (InputStream body = response.body();
             DigestInputStream in = new DigestInputStream(body, digest);
             OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw new IOException("downloading " + what + " from " + url + " failed with HTTP status " + response.statusCode());
            }
            OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
            if (announced.isPresent()) refuseIfOver(what, announced.getAsLong(), maxBytes);
            copyWithin(what, in, out, maxBytes);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (expected.isPresent() && !expected.get().equals(actual)) throw mismatch(what, expected.get(), actual);
    }

    /** Copies, counting, so that a server that sends more than it announced is still stopped at the limit. */
    private static void copyWithin(String what, InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long copied = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            copied += n;
            refuseIfOver(what, copied, maxBytes);
            out.write(buffer, 0, n);
        }
    }

    private static void refuseIfOver(String what, long size, long maxBytes) throws InvalidArchiveException {
        if (maxBytes > 0 && size > maxBytes) {
            throw new InvalidArchiveException(what + " is larger than the size limit of " + Sizes.format(maxBytes));
        }
    }

    /** The expected SHA-256 in lower case, if the package gives one. */
    private static Optional<String> expectedSum(String what, Checksum checksum) throws InvalidArchiveException {
        if (checksum == null || checksum.sum() == null || checksum.sum().isBlank()) return Optional.empty();
        String type = checksum.type() == null ? "" : checksum.type();
        if (!type.isEmpty() && !type.equalsIgnoreCase(Checksum.SHA256)) {
            throw new InvalidArchiveException(what + " has a checksum of type \"" + type + "\"; only sha256 is supported");
        }
        return Optional.of(checksum.sum().trim().toLowerCase(Locale.ROOT));
    }

    private static ChecksumMismatchException mismatch(String what, String expected, String actual) {
        return new ChecksumMismatchException(what + " does not match its checksum: expected sha256 " + expected
                + ", the archive's is " + actual);
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static Duration positive(Duration timeout) {
        return timeout.isZero() || timeout.isNegative() ? Duration.ofMillis(1) : timeout;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
