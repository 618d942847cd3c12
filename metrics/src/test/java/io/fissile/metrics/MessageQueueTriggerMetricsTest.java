package io.fissile.metrics;

import io.fissile.triggers.MessageQueueTriggerStats;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Each message queue trigger's counts and lag in the scrape, as they are at the scrape. */
class MessageQueueTriggerMetricsTest {
    private final FissileMetrics metrics = new FissileMetrics();
    private final ChangingStats triggers = new ChangingStats();

    @BeforeEach
    void bind() {
        metrics.bindMessageQueueTriggers(triggers);
    }

    @Test
    void countsAndLagOfEachTriggerAreThoseOfTheMomentOfTheScrape() {
        triggers.counts = List.of(new TriggerCounts("default", "orders", 10, 2, 5, OptionalLong.of(7)),
                new TriggerCounts("shop", "refunds", 1, 0, 0, OptionalLong.empty()));

        Exposition first = Exposition.parse(metrics.scrape());

        assertThat(first.value("fissile_mqtrigger_messages_processed_total", labels("default", "orders"))).contains(10.0);
        assertThat(first.value("fissile_mqtrigger_messages_failed_total", labels("default", "orders"))).contains(2.0);
        assertThat(first.value("fissile_mqtrigger_messages_retried_total", labels("default", "orders"))).contains(5.0);
        assertThat(first.value("fissile_mqtrigger_consumer_lag", labels("default", "orders"))).contains(7.0);
        assertThat(first.value("fissile_mqtrigger_messages_processed_total", labels("shop", "refunds"))).contains(1.0);
        assertThat(first.value("fissile_mqtrigger_consumer_lag", labels("shop", "refunds")))
                .as("a lag the broker cannot tell is left out, not shown as 0").isEmpty();

        triggers.counts = List.of(new TriggerCounts("default", "orders", 12, 2, 5, OptionalLong.of(0)));
        Exposition second = Exposition.parse(metrics.scrape());

        assertThat(second.value("fissile_mqtrigger_messages_processed_total", labels("default", "orders"))).contains(12.0);
        assertThat(second.value("fissile_mqtrigger_consumer_lag", labels("default", "orders"))).contains(0.0);
        assertThat(second.value("fissile_mqtrigger_messages_processed_total", labels("shop", "refunds")))
                .as("a deleted trigger leaves the scrape").isEmpty();
    }

    private static Map<String, String> labels(String namespace, String name) {
        return Map.of("trigger_namespace", namespace, "trigger_name", name);
    }

    private static final class ChangingStats implements MessageQueueTriggerStats {
        volatile List<TriggerCounts> counts = List.of();

        @Override
        public List<TriggerCounts> triggers() {
            return counts;
        }
    }
}
