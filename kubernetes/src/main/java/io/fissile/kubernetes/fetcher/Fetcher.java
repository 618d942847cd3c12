package io.fissile.kubernetes.fetcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fissile.api.Codec;
import io.fissile.executor.RemoteSpecialization;
import io.fissile.executor.fetch.CachedPackage;
import io.fissile.executor.fetch.PackageCache;
import io.fissile.executor.specialize.InstanceCall;
import io.fissile.runtime.archive.ArchiveFetcher;
import io.fissile.runtime.archive.InvalidArchiveException;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ChecksumMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The sidecar beside every runtime container, Fission's fetcher: {@code POST /specialize} with a
 * {@link RemoteSpecialization} (JSON) downloads the package's deployment archive, checks its checksum,
 * unpacks it into the shared userfunc volume (the executor's own {@link PackageCache} code), writes the
 * function's Secrets and ConfigMaps from the API, then makes the environment's specialize call on the
 * runtime next to it and answers with the runtime's answer. {@code GET /healthz} says it is up.
 * <p>
 * Errors: 400 for a request it cannot read, 422 when the package or a named object cannot be used,
 * 502 when a download or the runtime fails; the text says which.
 */
public final class Fetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    /** How long a download and the runtime's specialize call may take; the executor's own deadline is usually shorter. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final FetcherOptions options;
    private final HttpServer server;
    private final PackageCache cache;
    private final MountedObjects mounted;

    private Fetcher(FetcherOptions options, HttpServer server) {
        this.options = options;
        this.server = server;
        this.cache = new PackageCache(options.cacheDir(), new ArchiveFetcher(new NoLocalArchives(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build()));
        this.mounted = new MountedObjects(options.kubernetes());
    }

    /** Starts serving; the caller closes it. */
    public static Fetcher start(FetcherOptions options) throws IOException {
        HttpServer server = HttpServer.create(options.listen(), 64);
        Fetcher fetcher = new Fetcher(options, server);
        server.createContext("/specialize", fetcher::specialize);
        server.createContext("/healthz", exchange -> respond(exchange, 200, "ok"));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return fetcher;
    }

    /** Runs the sidecar as its variables say, until the pod ends. */
    public static void main(String[] args) throws IOException {
        AtomicReference<KubernetesClient> client = new AtomicReference<>();
        Supplier<KubernetesClient> inCluster = () -> client.updateAndGet(c -> c != null ? c : new KubernetesClientBuilder().build());
        Fetcher fetcher = start(FetcherOptions.fromEnvironment(System.getenv(), inCluster));
        LOG.info("Fetcher listening on {}", fetcher.address());
        Runtime.getRuntime().addShutdownHook(new Thread(fetcher::close));
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void specialize(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "POST /specialize only");
                return;
            }
            RemoteSpecialization request;
            try {
                request = Codec.fromJson(exchange.getRequestBody().readAllBytes(), RemoteSpecialization.class);
                requirePlainName(request.fileName());
            } catch (RuntimeException e) {
                respond(exchange, 400, "cannot read the specialize request: " + e.getMessage());
                return;
            }
            InstanceCall.Response answer = load(request, TIMEOUT);
            respond(exchange, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Places the package and the mounted objects, then has the runtime load the function. */
    private InstanceCall.Response load(RemoteSpecialization request, Duration timeout) throws InterruptedException {
        String function = "function \"" + request.functionNamespace() + "/" + request.functionName() + "\"";
        Path target = options.userfuncDir().resolve(request.fileName());
        try {
            if (Files.exists(target)) return new InstanceCall.Response(409, "this pod is already specialized");
            CachedPackage cached = cache.prepare(request.pkg(), request.keepArchive(), timeout);
            cache.place(cached, target);
            mounted.writeSecrets(request.functionNamespace(), request.secrets(), options.secretsDir());
            mounted.writeConfigMaps(request.functionNamespace(), request.configMaps(), options.configsDir());
        } catch (ChecksumMismatchException | InvalidArchiveException | ArchiveNotFoundException
                 | MountedObjects.MissingObjectException e) {
            return new InstanceCall.Response(422, "the fetcher cannot prepare " + function + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Fetching for {} failed", function, e);
            return new InstanceCall.Response(502, "the fetcher failed to prepare " + function + ": " + e);
        }
        try {
            return InstanceCall.post(options.runtime(), request.specializePath(), request.contentType(),
                    bodyFor(request), timeout);
        } catch (IOException e) {
            return new InstanceCall.Response(502, "the runtime did not answer the specialize call for " + function + ": " + e.getMessage());
        }
    }

    /** The v2 call names the package as the runtime container sees the volume. */
    private byte[] bodyFor(RemoteSpecialization request) {
        if (!request.specializePath().startsWith("/v2/")) return request.body();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>(Codec.fromJson(request.body(), Map.class));
        String base = options.runtimeUserfuncPath();
        body.put("filepath", (base.endsWith("/") ? base : base + "/") + request.fileName());
        return Codec.toJsonBytes(body);
    }

    private static void requirePlainName(String fileName) {
        if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("fileName must be a plain file name, not \"" + fileName + "\"");
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
