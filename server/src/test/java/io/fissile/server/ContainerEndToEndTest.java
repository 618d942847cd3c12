package io.fissile.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A container function made with the CLI ({@code fn run-container --command ... --port ...}), called
 * through the router of a real server process; {@code fn update-container} changes what it answers.
 */
class ContainerEndToEndTest {

    /** A whole HTTP server in one word, so that --command (split at spaces, as Fission splits it) keeps it whole. */
    private static final String SERVER = "require('http').createServer((q,s)=>s.end('answer:'+process.argv[1]))"
            + ".listen(process.env.PORT,process.env.HOST)";

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    private ServerProcess server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) server.close();
        http.close();
    }

    @Test
    void aProgramRunAsAContainerFunctionAnswersThroughTheRouterAndUpdateContainerChangesIt() throws Exception {
        server = ServerProcess.start(dataDir);
        cli("fn", "run-container", "--name", "c", "--command", "node -e " + SERVER, "--args", "v1", "--port", "8080");
        cli("route", "create", "--name", "c", "--url", "/c", "--function", "c");

        HttpResponse<String> first = await().atMost(Duration.ofSeconds(60)).until(this::call,
                response -> !(response.statusCode() == 404 && response.body().startsWith("no function route")));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("answer:v1");

        cli("fn", "update-container", "--name", "c", "--args", "v2");

        await().atMost(Duration.ofSeconds(60)).until(() -> call().body().equals("answer:v2"));
    }

    private HttpResponse<String> call() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.routerUrl() + "/c")).timeout(Duration.ofSeconds(120)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void cli(String... args) {
        server.cliOk(work, args);
    }
}
