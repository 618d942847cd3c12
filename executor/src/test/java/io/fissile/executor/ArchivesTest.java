package io.fissile.executor;

import io.fissile.runtime.testing.ZipBuilder;

import com.sun.net.httpserver.HttpServer;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.Function;
import io.fissile.storage.ArchiveInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Deployment archives from the local archive store and from the web, checked and unpacked safely. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivesTest {

    private static final byte[] GREETER = new ZipBuilder()
            .file("hello.js", "module.exports.handler = async (context) => ({ status: 200, body: 'zipped: ' + context.request.body });\n")
            .build();

    private ExecutorHarness harness;
    private HttpServer web;
    private final AtomicInteger downloads = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        harness = ExecutorHarness.start(dir);
        harness.environment("nodejs", TestCode.NODEJS.image, 1);
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/greeter.zip", exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, GREETER.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(GREETER);
            }
        });
        web.start();
    }

    @AfterAll
    void stop() {
        web.stop(0);
        harness.close();
    }

    @Test
    void aUrlIntoTheArchiveStoreIsReadFromDisk() throws Exception {
        ArchiveInfo stored = harness.archives.put(new ByteArrayInputStream(GREETER), null);
        harness.pkg("default", "stored", Archive.ofUrl("http://127.0.0.1:8889" + stored.urlPath(), Checksum.sha256(stored.id())));
        Function function = harness.function("stored", "nodejs", "stored", "hello.handler");

        assertThat(harness.invoke(function, "from the store")).isEqualTo("zipped: from the store");
    }

    @Test
    void anArchiveThatDoesNotMatchThePackagesChecksumIsRefused() throws Exception {
        ArchiveInfo stored = harness.archives.put(new ByteArrayInputStream(GREETER), null);
        String otherSum = sha256("something else".getBytes());
        harness.pkg("default", "tampered", Archive.ofUrl(stored.urlPath(), Checksum.sha256(otherSum)));
        Function function = harness.function("tampered", "nodejs", "tampered", "hello.handler");

        Throwable failure = harness.acquireFailure(function);
        assertThat(failure).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("does not match its checksum: expected sha256 " + otherSum);
        assertThat(((FunctionUnavailableException) failure).isTransient()).isFalse();
    }

    @Test
    void aWebArchiveIsDownloadedOnceForEveryFunctionThatUsesIt() throws Exception {
        harness.pkg("default", "downloaded", Archive.ofUrl(webUrl(), Checksum.sha256(sha256(GREETER))));
        Function first = harness.function("first-user", "nodejs", "downloaded", "hello.handler");
        Function second = harness.function("second-user", "nodejs", "downloaded", "hello.handler");
        int before = downloads.get();

        assertThat(harness.invoke(first, "one")).isEqualTo("zipped: one");
        assertThat(harness.invoke(second, "two")).isEqualTo("zipped: two");
        assertThat(downloads.get() - before).isEqualTo(1);
    }

    @Test
    void aWebArchiveWithAWrongChecksumIsRefused() throws Exception {
        harness.pkg("default", "corrupted", Archive.ofUrl(webUrl(), Checksum.sha256(sha256(new byte[] {1, 2, 3}))));
        Function function = harness.function("corrupted", "nodejs", "corrupted", "hello.handler");

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("the deployment archive of package \"default/corrupted\" does not match its checksum");
    }

    @Test
    void aZipWithAnEntryOutsideItsDirectoryIsRefused() throws Exception {
        harness.literalPackage("slip", new ZipBuilder()
                .file("hello.js", "module.exports = async () => 'never';\n")
                .file("../../escaped.js", "owned")
                .build());
        Function function = harness.function("slip", "nodejs", "slip", "hello");

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("zip entry \"../../escaped.js\" would be written outside the package directory");
    }

    @Test
    void linksInsideAZipWorkAndLinksOutsideAreRefused() throws Exception {
        harness.literalPackage("linked", new ZipBuilder()
                .file("lib/real.js", "module.exports.handler = async (context) => ({ status: 200, body: 'linked: ' + context.request.body });\n")
                .symlink("hello.js", "lib/real.js")
                .build());
        Function linked = harness.function("linked", "nodejs", "linked", "hello.handler");
        assertThat(harness.invoke(linked, "in")).isEqualTo("linked: in");

        harness.literalPackage("leaky", new ZipBuilder()
                .file("hello.js", "module.exports = async () => 'never';\n")
                .symlink("secrets", "../../../etc")
                .build());
        Function leaky = harness.function("leaky", "nodejs", "leaky", "hello");
        assertThat(harness.acquireFailure(leaky)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("zip link \"secrets\" points outside the package directory");
    }

    private String webUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/greeter.zip";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
