package io.fissile.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fn create --src} of a Node.js function with an npm dependency: the server builds it, the
 * router answers with it, and a new source is built and rolled out.
 */
class PackageBuildEndToEndTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;

    static ServerProcess server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/npm")), "missing Debian package: npm");
        server = ServerProcess.start(dataDir);
        fissileOk("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--builder", "fission/node-builder",
                "--poolsize", "1");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aSourcePackageWithAnNpmDependencyIsBuiltThenServedAndRebuiltOnUpdate() throws Exception {
        Path source = nodeSource("v1", "padded");
        // Run from inside the source directory, so that its files are at the top of the archive.
        fissileIn(source, "fn", "create", "--name", "padded", "--env", "nodejs", "--src", ".", "--entrypoint", "hello.handler");
        fissileOk("route", "create", "--name", "padded", "--url", "/padded", "--function", "padded");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(
                () -> fissileOk("pkg", "info", "--name", packageOf("padded")), text -> !text.contains("pending") && !text.contains("running"));
        HttpResponse<String> first = routed("/padded");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("v1:0000007\n");
        String info = fissileOk("pkg", "info", "--name", packageOf("padded"));
        assertThat(info).contains("succeeded", "npm install", "Build succeeded");

        fissileIn(nodeSource("v2", "padded-v2"), "fn", "update", "--name", "padded", "--src", ".");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> routed("/padded").body(), body -> body.equals("v2:0000007\n"));
    }

    /** A function that pads with left-pad, from the npm registry. */
    private static Path nodeSource(String version, String dirName) throws Exception {
        Path dir = Files.createDirectories(work.resolve(dirName));
        Files.writeString(dir.resolve("package.json"),
                "{\"name\":\"padded\",\"version\":\"1.0.0\",\"dependencies\":{\"left-pad\":\"1.3.0\"}}");
        Files.writeString(dir.resolve("hello.js"), "const pad = require('left-pad');\n"
                + "exports.handler = async () => ({ status: 200, body: '" + version + ":' + pad('7', 7, '0') + '\\n' });\n");
        return dir;
    }

    private static String packageOf(String function) {
        return server.client().get(io.fissile.api.v1.Kinds.FUNCTION, "default", function).orElseThrow()
                .spec().packageRef().packageRef().name();
    }

    private static HttpResponse<String> routed(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.routerUrl() + path)).timeout(Duration.ofSeconds(120)).GET().build();
        return await().atMost(Duration.ofSeconds(30)).until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                response -> !(response.statusCode() == 404 && response.body().startsWith("no function route")));
    }

    private static String fissileOk(String... args) {
        return fissileIn(work, args);
    }

    private static String fissileIn(Path workingDirectory, String... args) {
        return server.cliOk(workingDirectory, args);
    }
}
