package io.fissile.metrics;

import io.fissile.router.RequestRecord;
import io.fissile.router.RouterObserver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What each call the router reports becomes in the scrape. */
class RouterMetricsTest {
    private static final long MILLI = 1_000_000;

    private final FissileMetrics metrics = new FissileMetrics();
    private final RouterObserver observer = metrics.routerObserver();

    @Test
    void eachCallIsCountedUnderItsFunctionRouteMethodAndStatus() {
        for (int i = 0; i < 3; i++) observer.requestCompleted(call("hello", "GET", 200));
        observer.requestCompleted(call("hello", "POST", 201));
        observer.requestCompleted(new RequestRecord("shop", "cart", "/fission-function/shop/cart", "GET", 200,
                MILLI, MILLI, 10, false, false));

        Exposition scrape = scrape();

        assertThat(scrape.value("fission_function_calls_total", callLabels("hello", "GET", 200))).contains(3.0);
        assertThat(scrape.value("fission_function_calls_total", callLabels("hello", "POST", 201))).contains(1.0);
        assertThat(scrape.value("fission_function_calls_total", Map.of("function_namespace", "shop",
                "function_name", "cart", "path", "/fission-function/shop/cart", "method", "GET", "code", "200")))
                .contains(1.0);
        assertThat(scrape.named("fission_function_calls_total")).hasSize(3);
    }

    @Test
    void statusesFrom400OnAreErrorsIncludingClientsThatLeft() {
        for (int status : new int[]{200, 302, 404, 429, RequestRecord.CLIENT_CLOSED_REQUEST, 500, 504}) {
            observer.requestCompleted(call("hello", "GET", status));
        }

        Exposition scrape = scrape();

        assertThat(scrape.named("fission_function_errors_total"))
                .extracting(sample -> sample.labels().get("code"))
                .containsExactlyInAnyOrder("404", "429", "499", "500", "504");
        assertThat(scrape.value("fission_function_errors_total", callLabels("hello", "GET", 499))).contains(1.0);
        assertThat(scrape.named("fission_function_calls_total"))
                .as("every call counts as a call, errors too")
                .hasSize(7)
                .allSatisfy(sample -> assertThat(sample.value()).isEqualTo(1.0));
    }

    @Test
    void durationsFillHistogramBucketsFromMillisecondsToAMinute() {
        for (long nanos : new long[]{MILLI * 3 / 10, 40 * MILLI, 2_000 * MILLI, 90_000 * MILLI}) {
            observer.requestCompleted(new RequestRecord("default", "hello", "/hello", "GET", 200,
                    nanos, MILLI / 20, 10, false, false));
        }

        Exposition scrape = scrape();
        Map<String, String> labels = callLabels("hello", "GET", 200);

        String duration = "fission_function_duration_seconds";
        assertThat(scrape.bucket(duration, labels, 0.0005)).isEqualTo(1);
        assertThat(scrape.bucket(duration, labels, 0.05)).isEqualTo(2);
        assertThat(scrape.bucket(duration, labels, 60)).as("a minute: Fission's default function timeout").isEqualTo(3);
        assertThat(scrape.bucket(duration, labels, Double.POSITIVE_INFINITY)).isEqualTo(4);
        assertThat(scrape.value(duration + "_count", labels)).contains(4.0);
        assertThat(scrape.value(duration + "_sum", labels).orElseThrow()).isCloseTo(92.0403, within(1e-9));
        assertThat(scrape.bounds(duration, labels)).startsWith(0.0001).contains(0.001, 0.01, 0.1, 1.0, 10.0).endsWith(60.0);

        String overhead = "fission_function_overhead_seconds";
        assertThat(scrape.bucket(overhead, labels, 0.0001)).as("a warm call's overhead of 50 µs").isEqualTo(4);
        assertThat(scrape.value(overhead + "_sum", labels).orElseThrow()).isCloseTo(0.0002, within(1e-12));
        assertThat(scrape.bounds(overhead, labels)).isEqualTo(scrape.bounds(duration, labels));
    }

    @Test
    void responseSizesAreAHistogramOfBytes() {
        observer.requestCompleted(new RequestRecord("default", "hello", "/hello", "GET", 200, MILLI, MILLI, 100, false, false));
        observer.requestCompleted(new RequestRecord("default", "hello", "/hello", "GET", 200, MILLI, MILLI, 5_000, false, false));

        Exposition scrape = scrape();
        Map<String, String> labels = callLabels("hello", "GET", 200);

        assertThat(scrape.bucket("fission_function_response_size_bytes", labels, 256)).isEqualTo(1);
        assertThat(scrape.bucket("fission_function_response_size_bytes", labels, 16_384)).isEqualTo(2);
        assertThat(scrape.value("fission_function_response_size_bytes_count", labels)).contains(2.0);
        assertThat(scrape.value("fission_function_response_size_bytes_sum", labels)).contains(5_100.0);
    }

    @Test
    void coldStartsAndColdStartErrorsAreCountedPerFunction() {
        observer.requestCompleted(record("hello", 200, false, false));
        Exposition warmOnly = scrape();
        assertThat(warmOnly.named("fission_function_cold_starts_total")).as("a warm call is no cold start").isEmpty();
        assertThat(warmOnly.named("fission_function_cold_start_errors_total")).isEmpty();

        observer.requestCompleted(record("hello", 200, true, false));
        observer.requestCompleted(record("hello", 200, true, false));
        observer.requestCompleted(record("broken", 500, true, true));

        Exposition scrape = scrape();
        assertThat(scrape.value("fission_function_cold_starts_total", functionLabels("hello"))).contains(2.0);
        assertThat(scrape.value("fission_function_cold_start_errors_total", functionLabels("broken"))).contains(1.0);
        assertThat(scrape.value("fission_function_cold_starts_total", functionLabels("broken")))
                .as("as in Fission, a failed specialization is an error, not a cold start")
                .isEmpty();
    }

    @Test
    void callsRecordedFromManyEventLoopsAtOnceAreAllCounted() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // Label sets appear while others record: the first call of each registers its meters.
                        observer.requestCompleted(record("fn-" + (i % 50), 200, i % 10 == 0, false));
                    }
                }));
            }
            for (Future<?> each : done) each.get();
        }

        Exposition scrape = scrape();

        assertThat(scrape.named("fission_function_calls_total")).hasSize(50);
        assertThat(scrape.named("fission_function_calls_total").stream().mapToDouble(Exposition.Sample::value).sum())
                .isEqualTo(threads * perThread);
        assertThat(scrape.named("fission_function_cold_starts_total").stream().mapToDouble(Exposition.Sample::value).sum())
                .isEqualTo(threads * perThread / 10.0);
    }

    private Exposition scrape() {
        return Exposition.parse(metrics.scrape());
    }

    private static RequestRecord call(String function, String method, int status) {
        return new RequestRecord("default", function, "/" + function, method, status, 5 * MILLI, MILLI, 10, false, false);
    }

    private static RequestRecord record(String function, int status, boolean coldStart, boolean coldStartFailed) {
        return new RequestRecord("default", function, "/" + function, "GET", status, 5 * MILLI, MILLI, 10,
                coldStart, coldStartFailed);
    }

    private static Map<String, String> callLabels(String function, String method, int status) {
        return Map.of("function_namespace", "default", "function_name", function, "path", "/" + function,
                "method", method, "code", Integer.toString(status));
    }

    private static Map<String, String> functionLabels(String function) {
        return Map.of("function_namespace", "default", "function_name", function);
    }
}
