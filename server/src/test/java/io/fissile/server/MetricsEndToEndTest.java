package io.fissile.server;

import io.fissile.cli.CliContext;
import io.fissile.cli.FissileCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus scraping a real server at the address the README gives (the controller API
 * port, path /metrics) sees the calls a function was given through the router, under Fission's
 * names, and the instance the executor runs for it.
 */
class MetricsEndToEndTest {
    private static final int CALLS = 5;
    private static final String FUNCTION = "metered";

    @TempDir
    Path dataDir;
    @TempDir
    Path prometheusDir;
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void prometheusCountsTheCallsAFunctionWasGiven() throws Exception {
        assumeTrue(PrometheusProcess.installed(), "missing Debian package: prometheus");
        try (ServerProcess server = ServerProcess.start(dataDir);
             PrometheusProcess prometheus = PrometheusProcess.start(prometheusDir,
                     server.apiUrl().getAuthority(), "/metrics")) {
            fissileOk(server, "env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1");
            fissileOk(server, "fn", "create", "--name", FUNCTION, "--env", "nodejs",
                    "--code", FunctionsEndToEndTest.resource("hello.js").toString());

            URI function = URI.create(server.routerUrl() + "/fission-function/" + FUNCTION);
            // The router learns of the new function within milliseconds; until then it has no route for it.
            HttpResponse<String> first = await().atMost(Duration.ofSeconds(30)).until(() -> call(function),
                    response -> !(response.statusCode() == 404 && response.body().startsWith("no function route")));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            for (int i = 1; i < CALLS; i++) {
                assertThat(call(function).statusCode()).isEqualTo(200);
            }

            String calls = "sum(fission_function_calls_total{function_name=\"" + FUNCTION + "\"})";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(prometheus.query(calls))
                            .as("%s\ntargets: %s", calls, prometheus.targets())
                            .contains((double) CALLS));
            assertThat(prometheus.query("sum(fission_function_instances{function_name=\"" + FUNCTION + "\"})"))
                    .contains(1.0);
            assertThat(prometheus.query("fission_environment_pool_size{environment_name=\"nodejs\"}")).contains(1.0);
        }
    }

    private HttpResponse<String> call(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void fissileOk(ServerProcess server, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("FISSILE_URL", server.apiUrl().toString()), work, out, err);
        int code = FissileCli.commandLine(context).execute(args);
        assertThat(code).as(String.join(" ", args) + "\n" + out.toString(StandardCharsets.UTF_8)
                + err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
