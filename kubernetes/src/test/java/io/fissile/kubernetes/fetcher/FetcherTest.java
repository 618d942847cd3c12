package io.fissile.kubernetes.fetcher;

import com.sun.net.httpserver.HttpServer;
import io.fissile.api.Codec;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.Package;
import io.fissile.executor.RemoteSpecialization;
import io.fissile.executor.specialize.InstanceCall;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.local.LocalProcessRuntime;
import io.fissile.runtime.local.LocalRuntimeOptions;
import io.fissile.runtime.logs.FileFunctionLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetcher sidecar against a real nodejs runtime process and a real HTTP server standing for the
 * controller's archive endpoint: it downloads, checks, unpacks and has the runtime load the function.
 */
class FetcherTest {

    private static final Path RUNTIMES = Path.of("target", "fetcher-runtimes").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private HttpServer archives;
    private LocalProcessRuntime runtime;
    private Instance instance;
    private Fetcher fetcher;
    private byte[] zip;

    @BeforeEach
    void start() throws Exception {
        zip = zip(Map.of("hello.js", "module.exports.handler = async (context) => ({ status: 200, body: 'fetched ' + context.request.body });\n"));
        archives = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        archives.createContext("/v2/archives/hello", exchange -> {
            exchange.sendResponseHeaders(200, zip.length);
            exchange.getResponseBody().write(zip);
            exchange.close();
        });
        archives.start();
        runtime = LocalProcessRuntime.create(LocalRuntimeOptions.defaults(RUNTIMES, new FileFunctionLogs(dir.resolve("logs"))));
        instance = runtime.start(InstanceSpec.of("default", "nodejs", "fission/node-env")).get(60, java.util.concurrent.TimeUnit.SECONDS);
        fetcher = Fetcher.start(new FetcherOptions(new InetSocketAddress("127.0.0.1", 0), instance.userfuncDir(),
                instance.secretsDir(), instance.configsDir(), instance.userfuncPathInInstance(), instance.address(),
                dir.resolve("cache"), () -> {
                    throw new AssertionError("no secrets were named, so the API is not needed");
                }));
    }

    @AfterEach
    void stop() {
        if (fetcher != null) fetcher.close();
        if (runtime != null) runtime.close();
        if (archives != null) archives.stop(0);
    }

    @Test
    void downloadsChecksUnpacksAndHasTheRuntimeLoadTheFunction() throws Exception {
        InstanceCall.Response answer = specialize(request("deployarchive", sha256(zip)));

        assertThat(answer.succeeded()).as(answer.status() + " " + answer.body()).isTrue();
        assertThat(instance.userfuncDir().resolve("deployarchive").resolve("hello.js")).exists();
        assertThat(post("kube")).isEqualTo("fetched kube");
    }

    @Test
    void anArchiveThatDoesNotMatchItsChecksumIsRefusedAndNothingIsPlaced() throws Exception {
        InstanceCall.Response answer = specialize(request("deployarchive", "00".repeat(32)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("package \"default/hello\"").contains("checksum");
        assertThat(instance.userfuncDir().resolve("deployarchive")).doesNotExist();
    }

    @Test
    void aFileNameThatIsNotPlainIsRefusedNamingTheField() throws Exception {
        InstanceCall.Response answer = specialize(request("../escape", sha256(zip)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("fileName");
    }

    private RemoteSpecialization request(String fileName, String checksum) {
        Package pkg = new Package();
        pkg.metadata().namespace("default").name("hello").resourceVersion("7");
        pkg.spec().deployment(Archive.ofUrl("http://127.0.0.1:" + archives.getAddress().getPort() + "/v2/archives/hello",
                Checksum.sha256(checksum)));
        byte[] body = Codec.toJsonBytes(Map.of("filepath", "/wherever/the/executor/thought", "functionName", "hello.handler", "url", ""));
        return new RemoteSpecialization("default", "hello", pkg, false, fileName, "/v2/specialize", "application/json",
                body, List.of(), List.of());
    }

    private InstanceCall.Response specialize(RemoteSpecialization request) throws IOException {
        return InstanceCall.post(fetcher.address(), "/specialize", "application/json", Codec.toJsonBytes(request), TIMEOUT);
    }

    private String post(String body) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://"
                        + instance.address().getHostString() + ":" + instance.address().getPort() + "/"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
