package io.fissile.executor.fetch;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;
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

/**
 * Writes a package's deployment archive to a file: a literal's bytes; an archive of the local
 * {@link ArchiveStore} straight from disk, its bytes checked against its id; any other http(s) URL
 * downloaded. The package's checksum, when given, must match.
 */
public final class ArchiveFetcher {

    private final ArchiveStore store;
    private final HttpClient http;

    public ArchiveFetcher(ArchiveStore store, HttpClient http) {
        this.store = store;
        this.http = http;
    }

    /**
     * @param what    the package, for messages (e.g. {@code package "default/hello"})
     * @param timeout how long a download may take
     * @throws ChecksumMismatchException when the bytes do not match the checksum
     * @throws InvalidArchiveException   when the archive cannot be fetched as written
     * @throws IOException               when the download failed (trying again may work)
     */
    public void fetch(String what, Archive archive, Path target, Duration timeout) throws IOException, InterruptedException {
        if (archive == null || archive.isEmpty()) throw new InvalidArchiveException(what + " has no deployment archive");
        if (archive.literal() != null && archive.literal().length > 0) {
            Files.write(target, archive.literal());
            return;
        }
        String url = archive.url();
        Optional<String> local = ArchiveStore.idFromUrl(url).filter(id -> store.info(id).isPresent());
        if (local.isPresent()) {
            copyLocal(what, local.get(), archive.checksum(), target);
        } else if (isHttp(url)) {
            download(what, url, archive.checksum(), target, timeout);
        } else if (ArchiveStore.idFromUrl(url).isPresent()) {
            throw new ArchiveNotFoundException("the archive of " + what + " (" + url + ") is not in the archive store");
        } else {
            throw new InvalidArchiveException(what + " has a deployment URL Fissile cannot fetch: " + url);
        }
    }

    private void copyLocal(String what, String id, Checksum checksum, Path target) throws IOException {
        Optional<String> expected = expectedSum(what, checksum);
        if (expected.isPresent() && !expected.get().equals(id)) throw mismatch(what, expected.get(), id);
        try (InputStream in = store.open(id)) {
            Files.copy(in, target);
        }
    }

    private void download(String what, String url, Checksum checksum, Path target, Duration timeout)
            throws IOException, InterruptedException {
        Optional<String> expected = expectedSum(what, checksum);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(positive(timeout)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        try (InputStream body = response.body();
             DigestInputStream in = new DigestInputStream(body, digest);
             OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw new IOException("downloading the archive of " + what + " from " + url + " failed with HTTP status "
                        + response.statusCode());
            }
            in.transferTo(out);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (expected.isPresent() && !expected.get().equals(actual)) throw mismatch(what, expected.get(), actual);
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
        return new ChecksumMismatchException("the archive of " + what + " does not match its checksum: expected sha256 "
                + expected + ", the archive's is " + actual);
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
