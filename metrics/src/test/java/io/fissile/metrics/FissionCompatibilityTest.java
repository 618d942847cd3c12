package io.fissile.metrics;

import io.fissile.router.RequestRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics Fission's router and executor expose, under the same names and labels, so that
 * Fission's dashboards, alerts and canary queries read Fissile unchanged. The names and label sets
 * below are Fission's (pkg/router/metrics.go, pkg/executor/metrics/metrics.go).
 */
class FissionCompatibilityTest {
    private static final Set<String> CALL_LABELS = Set.of("function_namespace", "function_name", "path", "method", "code");
    private static final Set<String> FUNCTION_LABELS = Set.of("function_name", "function_namespace");

    private final FissileMetrics metrics = new FissileMetrics();

    @Test
    void everyMetricFissionExposesIsThereWithFissionsLabels() {
        metrics.routerObserver().requestCompleted(
                new RequestRecord("default", "hello", "/hello", "GET", 200, 5_000_000, 100_000, 10, true, false));
        metrics.routerObserver().requestCompleted(
                new RequestRecord("default", "hello", "/hello", "GET", 503, 5_000_000, 100_000, 10, true, true));

        String text = metrics.scrape();
        Exposition scrape = Exposition.parse(text);

        Map<String, Set<String>> fission = Map.of(
                "fission_function_calls_total", CALL_LABELS,
                "fission_function_errors_total", CALL_LABELS,
                // A summary in Fission, a histogram here: both have the _sum and _count that rate queries use.
                "fission_function_overhead_seconds_sum", CALL_LABELS,
                "fission_function_overhead_seconds_count", CALL_LABELS,
                "fission_function_cold_starts_total", FUNCTION_LABELS,
                "fission_function_cold_start_errors_total", FUNCTION_LABELS);
        fission.forEach((name, labels) -> assertThat(scrape.named(name))
                .as(name)
                .isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.labels().keySet()).isEqualTo(labels)));
        assertThat(text).contains("# TYPE fission_function_calls_total counter",
                "# TYPE fission_function_errors_total counter",
                "# TYPE fission_function_cold_starts_total counter",
                "# TYPE fission_function_cold_start_errors_total counter");
    }

    @Test
    void fissionsCanaryQueryFindsTheCallsAndErrorsOfARoute() {
        for (int status : new int[]{200, 200, 200, 500}) {
            metrics.routerObserver().requestCompleted(
                    new RequestRecord("default", "checkout-v2", "/checkout", "POST", status, 5_000_000, 100_000, 10, false, false));
        }

        Exposition scrape = Exposition.parse(metrics.scrape());

        // Fission's canary manager selects by exactly these four labels, summing over codes.
        Map<String, String> selector = Map.of("function_name", "checkout-v2", "function_namespace", "default",
                "path", "/checkout", "method", "POST");
        assertThat(sumMatching(scrape, "fission_function_calls_total", selector)).isEqualTo(4.0);
        assertThat(sumMatching(scrape, "fission_function_errors_total", selector)).isEqualTo(1.0);
    }

    private static double sumMatching(Exposition scrape, String name, Map<String, String> selector) {
        return scrape.named(name).stream()
                .filter(sample -> sample.labels().entrySet().containsAll(selector.entrySet()))
                .mapToDouble(Exposition.Sample::value)
                .sum();
    }
}
