package io.fissile.client;

import io.fissile.api.Codec;
import io.fissile.api.Extensible;
import io.fissile.api.FieldError;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;
import io.fissile.api.WatchEvent;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A client of the controller REST API (docs/api.md), on the JDK's HTTP client. */
public final class ControllerClient {
    public static final String DEFAULT_URL = "http://127.0.0.1:8889";
    public static final String CHECKSUM_HEADER = "X-Fissile-Checksum-Sha256";

    private final URI base;
    private final HttpClient http;

    public ControllerClient(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The controller at {@code FISSILE_URL}, or {@value #DEFAULT_URL}. */
    public static ControllerClient fromEnvironment() {
        String url = System.getenv("FISSILE_URL");
        return new ControllerClient(URI.create(url == null || url.isBlank() ? DEFAULT_URL : url));
    }

    public URI baseUri() {
        return base;
    }

    // ---- resources

    /** Lists a kind in a namespace, or in all namespaces when {@code namespace} is null; Secrets come redacted. */
    public <R extends Resource<?, ?>> ResourceList<R> list(Kind<R> kind, String namespace, String labelSelector) {
        String body = send(HttpRequest.newBuilder(uri(collection(kind), "namespace", namespace, "labelSelector", labelSelector)).GET());
        return Codec.readList(body, kind);
    }

    /** The object, if it exists; a Secret comes redacted (keys and sizes, no values): see {@link #revealSecret}. */
    public <R extends Resource<?, ?>> Optional<R> get(Kind<R> kind, String namespace, String name) {
        return get(kind, namespace, name, false);
    }

    /** A Secret with its values, which the controller answers only when asked this way. */
    public Optional<Secret> revealSecret(String namespace, String name) {
        return get(Kinds.SECRET, namespace, name, true);
    }

    private <R extends Resource<?, ?>> Optional<R> get(Kind<R> kind, String namespace, String name, boolean reveal) {
        try {
            String body = send(HttpRequest.newBuilder(uri(item(kind, name), "namespace", namespace,
                    "reveal", reveal ? "true" : null)).GET());
            return Optional.of(Codec.readResource(body, kind));
        } catch (ApiException e) {
            if (e.isNotFound()) return Optional.empty();
            throw e;
        }
    }

    public <R extends Resource<?, ?>> R create(R resource) {
        Kind<R> kind = kindOf(resource);
        String body = send(HttpRequest.newBuilder(uri(collection(kind), "namespace", resource.metadata().namespace()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Codec.toJsonBytes(resource))));
        return Codec.readResource(body, kind);
    }

    public <R extends Resource<?, ?>> R update(R resource) {
        return put(resource, "");
    }

    public <R extends Resource<?, ?>> R updateStatus(R resource) {
        return put(resource, "/status");
    }

    public <R extends Resource<?, ?>> R delete(Kind<R> kind, String namespace, String name) {
        String body = send(HttpRequest.newBuilder(uri(item(kind, name), "namespace", namespace)).DELETE());
        return Codec.readResource(body, kind);
    }

    /**
     * Follows a watch until the stream ends or the calling thread is interrupted, handing each event
     * to {@code onEvent} on the calling thread.
     */
    public <R extends Resource<?, ?>> void watch(Kind<R> kind, String namespace, String fromResourceVersion,
                                                Consumer<WatchEvent<R>> onEvent) {
        HttpRequest request = HttpRequest.newBuilder(uri(collection(kind), "watch", "true", "namespace", namespace,
                "resourceVersion", fromResourceVersion)).GET().build();
        streamLines(request, "watch of " + kind.plural(), line -> onEvent.accept(Codec.readWatchEvent(line, kind)));
    }

    // ---- function logs

    /**
     * The last {@code count} lines a function's instances wrote, oldest first; with {@code since},
     * only those written after it. The controller caps {@code count} (at 10,000).
     */
    public List<FunctionLogLine> logs(String namespace, String function, int count, Instant since) {
        String body = send(HttpRequest.newBuilder(logsUri(namespace, function, count, since, false)).GET());
        return body.lines().filter(line -> !line.isBlank()).map(line -> Codec.fromJson(line, FunctionLogLine.class)).toList();
    }

    /**
     * Follows a function's log: its last {@code count} lines, then every line written from now on,
     * each handed to {@code onLine} on the calling thread, until the controller ends the stream or
     * the calling thread is interrupted.
     */
    public void followLogs(String namespace, String function, int count, Instant since, Consumer<FunctionLogLine> onLine) {
        HttpRequest request = HttpRequest.newBuilder(logsUri(namespace, function, count, since, true)).GET().build();
        streamLines(request, "log of function " + function, line -> onLine.accept(Codec.fromJson(line, FunctionLogLine.class)));
    }

    // ---- archives

    /** An archive as the controller describes it. */
    public record ArchiveRef(String id, long size, String created, String url) {
    }

    /** Uploads a file, sending its SHA-256 so that a damaged transfer is refused. */
    public ArchiveRef uploadArchive(Path file) {
        String sha256 = sha256(file);
        try {
            return uploadArchive(HttpRequest.BodyPublishers.ofFile(file), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Uploads bytes with the checksum the controller must find in them (null to skip the check). */
    public ArchiveRef uploadArchive(HttpRequest.BodyPublisher body, String expectedSha256) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v2/archives"))
                .header("Content-Type", "application/octet-stream")
                .POST(body);
        if (expectedSha256 != null) request.header(CHECKSUM_HEADER, expectedSha256);
        return Codec.fromJson(send(request), ArchiveJson.class).toRef();
    }

    public List<ArchiveRef> listArchives() {
        ArchiveListJson list = Codec.fromJson(send(HttpRequest.newBuilder(uri("/v2/archives")).GET()), ArchiveListJson.class);
        List<ArchiveRef> refs = new ArrayList<>();
        if (list.items != null) list.items.forEach(a -> refs.add(a.toRef()));
        return refs;
    }

    /**
     * Downloads an archive by id or by the URL a package holds (relative to the controller, or
     * absolute) into {@code target}, checking the bytes against the archive's SHA-256.
     */
    public void downloadArchive(String idOrUrl, Path target) {
        URI source = idOrUrl.contains("://") ? URI.create(idOrUrl)
                : uri(idOrUrl.startsWith("/") ? idOrUrl : "/v2/archives/" + idOrUrl);
        HttpResponse<InputStream> response = exchange(HttpRequest.newBuilder(source).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = response.body()) {
            if (response.statusCode() >= 300) {
                throw error(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Files.copy(new DigestInputStream(in, digest), partial, StandardCopyOption.REPLACE_EXISTING);
            String expected = response.headers().firstValue(CHECKSUM_HEADER).orElse(null);
            String actual = HexFormat.of().formatHex(digest.digest());
            if (expected != null && !expected.equalsIgnoreCase(actual)) {
                throw new IOException("checksum mismatch downloading " + source + ": expected " + expected + ", got " + actual);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a leftover .part file is harmless
            }
        }
    }

    public void deleteArchive(String id) {
        send(HttpRequest.newBuilder(uri("/v2/archives/" + id)).DELETE());
    }

    // ---- server

    /** The server's version document: {@code version} and {@code apiVersion}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> version() {
        return Codec.fromJson(send(HttpRequest.newBuilder(uri("/version")).GET()), LinkedHashMap.class);
    }

    /** True when the controller answers its health check. */
    public boolean healthy() {
        try {
            send(HttpRequest.newBuilder(uri("/healthz")).timeout(Duration.ofSeconds(2)).GET());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- plumbing

    private URI logsUri(String namespace, String function, int count, Instant since, boolean follow) {
        return uri(item(Kinds.FUNCTION, function) + "/logs", "namespace", namespace,
                "tail", Integer.toString(count), "since", since == null ? null : since.toString(),
                "follow", follow ? "true" : null);
    }

    /** Hands each line of a stream of JSON lines to {@code onLine} until the stream ends or the calling thread is interrupted. */
    private void streamLines(HttpRequest request, String what, Consumer<String> onLine) {
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() >= 300) {
                throw error(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) onLine.accept(line);
            }
        } catch (IOException e) {
            // An interrupted read ends the stream as asked; the interrupt stays set for the caller.
            if (Thread.currentThread().isInterrupted()) return;
            throw new UncheckedIOException(what + " at " + base + " ended: " + e.getMessage(), e);
        }
    }

    private <R extends Resource<?, ?>> R put(R resource, String suffix) {
        Kind<R> kind = kindOf(resource);
        String body = send(HttpRequest.newBuilder(uri(item(kind, resource.name()) + suffix, "namespace", resource.metadata().namespace()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Codec.toJsonBytes(resource))));
        return Codec.readResource(body, kind);
    }

    private static <R extends Resource<?, ?>> Kind<R> kindOf(R resource) {
        return Kinds.of(resource);
    }

    private static String collection(Kind<?> kind) {
        return "/v2/" + kind.plural();
    }

    private static String item(Kind<?> kind, String name) {
        return collection(kind) + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The URI of a path with query parameters given as name, value pairs; null or empty values are left out. */
    private URI uri(String path, String... query) {
        StringBuilder sb = new StringBuilder(base.toString()).append(path);
        char sep = '?';
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] == null || query[i + 1].isEmpty()) continue;
            sb.append(sep).append(query[i]).append('=').append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw error(response.statusCode(), response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException e) {
            throw new UncheckedIOException("cannot reach the Fissile controller at " + base
                    + " (is `fissile server` running? FISSILE_URL sets the address)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static ApiException error(int status, String body) {
        try {
            ErrorJson e = Codec.fromJson(body, ErrorJson.class);
            if (e.message != null) {
                return new ApiException(status, e.reason, e.message, e.details);
            }
        } catch (RuntimeException ignored) {
            // not one of our JSON errors: report the body as it is
        }
        return new ApiException(status, "HTTP" + status, body == null || body.isBlank() ? "HTTP " + status : body.strip(), List.of());
    }

    private static final class ErrorJson extends Extensible {
        String reason;
        String message;
        List<FieldError> details;
    }

    private static final class ArchiveJson extends Extensible {
        String id;
        long size;
        String created;
        String url;

        ArchiveRef toRef() {
            return new ArchiveRef(id, size, created, url);
        }
    }

    private static final class ArchiveListJson extends Extensible {
        List<ArchiveJson> items;
    }
}
