package io.fissile.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a function sees and may use, on a real server with the CLI: its own secrets and config maps
 * as files (and changes to them while it runs), its {@code spec.env} on a pool instance, nothing of
 * another function's secrets or of the server's data; and a function over its memory limit ended,
 * with a 5xx that says so and a log line that records it.
 */
class IsolationEndToEndTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    private ServerProcess server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void startServer() throws Exception {
        // Without bubblewrap functions run unconfined (the server says so), and this test has nothing to show.
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "missing Debian package: bubblewrap");
        server = ServerProcess.start(dataDir);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) server.close();
        http.close();
    }

    @Test
    void aPoolFunctionReadsItsOwnSecretsConfigMapsAndVariablesAndNothingElse() throws Exception {
        cli("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1");
        cli("secret", "create", "--name", "db", "--from-literal", "password=s3cret");
        cli("secret", "create", "--name", "not-yours", "--from-literal", "token=t0ken");
        cli("configmap", "create", "--name", "settings", "--from-literal", "mode=fast");
        cli("fn", "create", "--name", "reader", "--env", "nodejs", "--code", resource("reader.js"),
                "--secret", "db", "--configmap", "settings", "--env", "GREETING=hi");
        cli("fn", "create", "--name", "other", "--env", "nodejs", "--code", resource("reader.js"), "--secret", "not-yours");
        cli("route", "create", "--name", "reader", "--url", "/reader", "--function", "reader");

        assertThat(read("")).isEqualTo("200 hi /secrets /configs");
        assertThat(read("/secrets/default/db/password")).isEqualTo("200 s3cret");
        assertThat(read("/configs/default/settings/mode")).isEqualTo("200 fast");
        assertThat(read("/secrets/default/not-yours/token")).isEqualTo("404 ENOENT");
        assertThat(read(dataDir.resolve("fissile.db").toString())).isEqualTo("404 ENOENT");
        assertThat(read("/secrets/default/db/password-not-there")).isEqualTo("404 ENOENT");

        cli("secret", "update", "--name", "db", "--from-literal", "password=rotated");
        await().atMost(Duration.ofSeconds(10)).until(() -> read("/secrets/default/db/password"), "200 rotated"::equals);
    }

    @Test
    void aFunctionThatNamesAMissingSecretFailsSayingWhich() throws Exception {
        cli("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1");
        cli("fn", "create", "--name", "reader", "--env", "nodejs", "--code", resource("reader.js"), "--secret", "nowhere");
        cli("route", "create", "--name", "reader", "--url", "/reader", "--function", "reader");

        HttpResponse<String> response = call("/reader");

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(response.body()).contains("secret \"default/nowhere\"", "does not exist");
    }

    @Test
    void aFunctionOverItsMemoryLimitIsEndedWithAnAnswerAndALogLineThatSaySo() throws Exception {
        cli("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1", "--maxmemory", "96");
        cli("fn", "create", "--name", "hog", "--env", "nodejs", "--code", resource("hog.js"));
        cli("route", "create", "--name", "hog", "--url", "/hog", "--function", "hog");

        HttpResponse<String> response = call("/hog");

        assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
        assertThat(response.body()).contains("memory limit");
        await().atMost(Duration.ofSeconds(15)).until(() -> server.cliOk(work, "fn", "logs", "--name", "hog"),
                logs -> logs.contains("memory limit"));
    }

    /** The status and body of the reader function's answer for {@code path}. */
    private String read(String path) throws Exception {
        HttpResponse<String> response = call("/reader" + (path.isEmpty() ? "" : "?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
        return response.statusCode() + " " + response.body();
    }

    /** Calls the router, waiting for it to know the route. */
    private HttpResponse<String> call(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.routerUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return await().atMost(Duration.ofSeconds(30)).until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                response -> !(response.statusCode() == 404 && response.body().startsWith("no function route")));
    }

    private void cli(String... args) {
        server.cliOk(work, args);
    }

    private static String resource(String name) throws Exception {
        return Path.of(IsolationEndToEndTest.class.getResource("/functions/" + name).toURI()).toString();
    }
}
