package io.fissile.metrics;

import io.fissile.executor.ExecutorStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The executor's live counts in the scrape: read at each scrape, gone with what they counted. */
class ExecutorMetricsTest {
    private final FissileMetrics metrics = new FissileMetrics();
    private final ChangingStats executor = new ChangingStats();

    @BeforeEach
    void bind() {
        metrics.bindExecutor(executor);
    }

    @Test
    void instancesAndRequestsOfEachFunctionAreThoseOfTheMomentOfTheScrape() {
        executor.functions = List.of(function("hello", "nodejs", 2, 3, 1), function("report", "python", 1, 0, 0));

        Exposition first = scrape();

        assertThat(first.value("fission_function_instances", functionLabels("hello"))).contains(2.0);
        assertThat(first.value("fission_function_requests_in_flight", functionLabels("hello"))).contains(3.0);
        assertThat(first.value("fission_function_requests_waiting", functionLabels("hello"))).contains(1.0);
        assertThat(first.value("fission_function_instances", functionLabels("report"))).contains(1.0);

        executor.functions = List.of(function("hello", "nodejs", 1, 0, 0));
        Exposition second = scrape();

        assertThat(second.value("fission_function_instances", functionLabels("hello"))).contains(1.0);
        assertThat(second.value("fission_function_requests_in_flight", functionLabels("hello"))).contains(0.0);
        assertThat(second.value("fission_function_instances", functionLabels("report")))
                .as("a function the executor no longer runs leaves the scrape")
                .isEmpty();
    }

    @Test
    void environmentsShowTheirPoolAndEveryInstanceTheyRun() {
        executor.pools = List.of(new ExecutorStats.PoolCounts("default", "nodejs", 3, 2, Optional.empty()),
                new ExecutorStats.PoolCounts("default", "python", 1, 0, Optional.of("python3: not found")));
        executor.functions = List.of(function("hello", "nodejs", 2, 0, 0), function("bye", "nodejs", 1, 0, 0));

        Exposition scrape = scrape();

        assertThat(scrape.value("fission_environment_pool_size", environmentLabels("nodejs"))).contains(3.0);
        assertThat(scrape.value("fission_environment_pool_warm", environmentLabels("nodejs"))).contains(2.0);
        assertThat(scrape.value("fission_environment_instances", environmentLabels("nodejs")))
                .as("two warm, three specialized").contains(5.0);
        assertThat(scrape.value("fission_environment_pool_size", environmentLabels("python"))).contains(1.0);
        assertThat(scrape.value("fission_environment_pool_warm", environmentLabels("python"))).contains(0.0);
    }

    @Test
    void oneMetricsHasOneExecutor() {
        assertThatThrownBy(() -> metrics.bindExecutor(new ChangingStats())).isInstanceOf(IllegalStateException.class);
    }

    private Exposition scrape() {
        return Exposition.parse(metrics.scrape());
    }

    private static ExecutorStats.FunctionCounts function(String name, String environment, int instances, int inFlight, int waiting) {
        return new ExecutorStats.FunctionCounts("default", name, "default", environment, instances, inFlight, waiting);
    }

    private static Map<String, String> functionLabels(String function) {
        return Map.of("function_namespace", "default", "function_name", function);
    }

    private static Map<String, String> environmentLabels(String environment) {
        return Map.of("environment_namespace", "default", "environment_name", environment);
    }

    /** An executor whose counts the test sets, as a running one's change between scrapes. */
    static final class ChangingStats implements ExecutorStats {
        volatile List<FunctionCounts> functions = List.of();
        volatile List<PoolCounts> pools = List.of();

        @Override
        public List<FunctionCounts> functions() {
            return functions;
        }

        @Override
        public List<PoolCounts> pools() {
            return pools;
        }

        @Override
        public long coldStarts() {
            return 0;
        }

        @Override
        public long coldStartErrors() {
            return 0;
        }
    }
}
