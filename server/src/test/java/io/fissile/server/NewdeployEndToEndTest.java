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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newdeploy function made with the CLI, as a Fission user would ({@code fn create --executortype
 * newdeploy --minscale 0 --maxscale 3}), called through the router of a real server process: it
 * answers, scales to zero once idle, and a burst against it at zero is served without a single error.
 */
class NewdeployEndToEndTest {

    private static final Pattern INSTANCES = Pattern.compile(
            "^fission_function_instances\\{[^}]*function_name=\"dedicated\"[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final int BURST = 200;

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    private ServerProcess server;
    // HTTP/1.1: a burst of separate connections, as clients make them (h2c would cap it at 100 streams on one).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) server.close();
        http.close();
    }

    @Test
    void aNewdeployFunctionAnswersThroughTheRouterScalesToZeroAndServesABurstFromZero() throws Exception {
        server = ServerProcess.start(dataDir);
        cli("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1");
        cli("fn", "create", "--name", "dedicated", "--env", "nodejs", "--code", resource("hello.js").toString(),
                "--executortype", "newdeploy", "--minscale", "0", "--maxscale", "3", "--idletimeout", "1");
        cli("route", "create", "--name", "dedicated", "--url", "/dedicated", "--function", "dedicated");

        HttpResponse<String> first = await().atMost(Duration.ofSeconds(60)).until(this::call,
                response -> !(response.statusCode() == 404 && response.body().startsWith("no function route")));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("hello from nodejs\n");

        await().atMost(Duration.ofSeconds(60)).until(() -> instances() == 0);

        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(router("/dedicated")).timeout(Duration.ofSeconds(120)).GET().build();
        for (int i = 0; i < BURST; i++) burst.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : burst) statuses.add(response.get().statusCode());

        assertThat(statuses).as("statuses of a burst of " + BURST + " from zero").hasSize(BURST).containsOnly(200);
        assertThat(instances()).isBetween(1, 3);
    }

    private HttpResponse<String> call() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(router("/dedicated")).timeout(Duration.ofSeconds(120)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The function's instances, as the server's metrics tell them (none listed: none running). */
    private int instances() throws Exception {
        HttpRequest scrape = HttpRequest.newBuilder(URI.create(server.apiUrl() + "/metrics")).GET().build();
        Matcher matcher = INSTANCES.matcher(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
        int sum = 0;
        while (matcher.find()) sum += (int) Double.parseDouble(matcher.group(1));
        return sum;
    }

    private void cli(String... args) {
        server.cliOk(work, args);
    }

    private URI router(String path) {
        return URI.create(server.routerUrl() + path);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(NewdeployEndToEndTest.class.getResource("/functions/" + name).toURI());
    }
}
