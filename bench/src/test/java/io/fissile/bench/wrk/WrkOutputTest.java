package io.fissile.bench.wrk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Outputs captured from wrk 4.1 (Debian 12) on this project's bench runs, read as the report uses them. */
class WrkOutputTest {

    @Test
    void readsThroughputAndLatencyDistributionInMilliseconds() throws IOException {
        WrkResult result = WrkOutput.parse(captured("router-50-connections.txt"));

        assertThat(result.requestsPerSecond()).isEqualTo(12257.50);
        assertThat(result.requests()).isEqualTo(38045);
        assertThat(result.seconds()).isCloseTo(3.10, within(1e-9));
        assertThat(result.p50()).isCloseTo(3.43, within(1e-9));
        assertThat(result.p75()).isCloseTo(93.57, within(1e-9));
        assertThat(result.p90()).isCloseTo(350.32, within(1e-9));
        assertThat(result.p99()).isCloseTo(965.38, within(1e-9));
        assertThat(result.latencyAvg()).isCloseTo(100.76, within(1e-9));
        assertThat(result.latencyMax()).as("1.08s").isCloseTo(1080, within(1e-9));
        assertThat(result.errors()).isZero();
    }

    @Test
    void countsAnswersOtherThan2xxOr3xxAsErrors() throws IOException {
        WrkResult result = WrkOutput.parse(captured("all-404.txt"));

        assertThat(result.errors()).isEqualTo(3603).isEqualTo(result.requests());
        assertThat(result.p50()).isCloseTo(1.66, within(1e-9));
    }

    @Test
    void addsUpEveryKindOfSocketError() throws IOException {
        String withSocketErrors = captured("all-404.txt").replace("  Non-2xx or 3xx responses: 3603\n",
                "  Socket errors: connect 1, read 2, write 3, timeout 4\n");

        assertThat(WrkOutput.parse(withSocketErrors).errors()).isEqualTo(10);
    }

    @Test
    void convertsEveryUnitWrkPrints() {
        assertThat(WrkOutput.millis("527.00us")).isCloseTo(0.527, within(1e-9));
        assertThat(WrkOutput.millis("3.43ms")).isCloseTo(3.43, within(1e-9));
        assertThat(WrkOutput.millis("1.08s")).isCloseTo(1080, within(1e-9));
        assertThat(WrkOutput.millis("1.50m")).isCloseTo(90_000, within(1e-9));
    }

    @Test
    void rejectsOutputWithoutTheLatencyDistribution() throws IOException {
        String withoutLatency = captured("router-50-connections.txt").replaceAll("(?m)^\\s+\\d+% .*\\R", "");

        assertThatThrownBy(() -> WrkOutput.parse(withoutLatency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--latency");
    }

    private static String captured(String name) throws IOException {
        try (InputStream in = WrkOutputTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
