package io.fissile.bench.report;

import io.fissile.bench.warm.Target;
import io.fissile.bench.warm.TargetFigures;
import io.fissile.bench.warm.WarmPathResult;
import io.fissile.bench.wrk.WrkOutput;
import io.fissile.bench.wrk.WrkResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm path's table from captured wrk outputs, one of them a round in which the router answered nothing. */
class MarkdownReportTest {

    @Test
    void comparesTheMedianRoundsAndNamesARoundWithoutAnswers() throws IOException {
        WrkResult routed = wrk("router-50-connections.txt");
        WrkResult nothing = wrk("no-answer.txt");
        Map<String, TargetFigures> underLoad = Map.of(
                Target.DIRECT.key(), TargetFigures.of(List.of(scaled(routed, 2.0))),
                Target.NGINX.key(), TargetFigures.of(List.of(scaled(routed, 1.5))),
                Target.NGINX_AS_ROUTER.key(), TargetFigures.of(List.of(scaled(routed, 1.25))),
                Target.ROUTER.key(), TargetFigures.of(List.of(routed, nothing, scaled(routed, 1.1))));
        Map<String, WrkResult> oneConnection = Map.of(Target.DIRECT.key(), routed, Target.NGINX.key(), routed,
                Target.NGINX_AS_ROUTER.key(), routed, Target.ROUTER.key(), routed);
        WarmPathResult warm = new WarmPathResult("hello", "bench-jvm", "jvm-16b759", 2, 2, 50, 5, 3, underLoad, oneConnection,
                WarmPathResult.Comparison.of(underLoad, oneConnection));

        String markdown = MarkdownReport.render(new BenchReport("2026-11-23T14:18:44Z", 285,
                new Machine(2, "Linux", "JDK 25", "3aef378", "0.5 0.4 0.3", "wrk 4.1.0", "nginx/1.22.1"), warm, null, null));

        assertThat(markdown)
                .contains("| Fissile router -> instance | 12258 | 3.430 | 965.380 | 0 |")
                .contains("| nginx, the router's headers -> instance | 15322 |")
                .contains("router/nginx throughput, nginx sending the router's headers: **0.80** (target >= 1.0: **not met**)")
                .contains("nginx as usually set up (the instance gets fewer headers to read): **0.67**")
                .contains("router/direct throughput: **0.50**")
                .contains("Fissile router -> instance, round 2: **no answer at all** in 5 s")
                .doesNotContain("## Cold starts");
    }

    /** The same run with its throughput multiplied, as a faster path would give. */
    private static WrkResult scaled(WrkResult run, double factor) {
        return new WrkResult(run.requestsPerSecond() * factor, (long) (run.requests() * factor), run.seconds(), run.latencyAvg(),
                run.latencyMax(), run.p50(), run.p75(), run.p90(), run.p99(), run.errors());
    }

    private static WrkResult wrk(String name) throws IOException {
        try (InputStream in = MarkdownReportTest.class.getResourceAsStream("/io/fissile/bench/wrk/" + name)) {
            assertThat(in).as(name).isNotNull();
            return WrkOutput.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
