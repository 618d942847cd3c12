package io.fissile.executor.poolmgr;

import io.fissile.api.Quantity;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.runtime.InstanceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What to start for an environment: its image, with its {@code resources.limits} as the instance's limits. */
final class InstanceSpecs {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceSpecs.class);
    private static final BigDecimal MILLIS_PER_CORE = BigDecimal.valueOf(1000);

    private InstanceSpecs() {
    }

    static InstanceSpec of(Environment environment) {
        String image = environment.spec().runtime() == null ? "" : String.valueOf(environment.spec().runtime().image());
        ResourceRequirements resources = environment.spec().resources();
        Map<String, String> limits = resources == null || resources.limits() == null ? Map.of() : resources.limits();
        long memoryBytes = quantity(environment, limits.get(ResourceRequirements.MEMORY), BigDecimal.ONE);
        long cpuMillis = quantity(environment, limits.get(ResourceRequirements.CPU), MILLIS_PER_CORE);
        return new InstanceSpec(environment.namespace(), environment.name(), image, Map.of(), List.of(), memoryBytes, cpuMillis);
    }

    /** The environment's {@code terminationGracePeriod}, at most {@code cap}. */
    static Duration stopGrace(Environment environment, Duration cap) {
        Long seconds = environment.spec().terminationGracePeriod();
        if (seconds == null || seconds < 0) return cap;
        Duration grace = Duration.ofSeconds(seconds);
        return grace.compareTo(cap) > 0 ? cap : grace;
    }

    private static long quantity(Environment environment, String text, BigDecimal unit) {
        if (text == null || text.isBlank()) return 0;
        try {
            return Quantity.parse(text).multiply(unit).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.warn("{}: ignoring the limit \"{}\": {}", environment.describe(), text, e.getMessage());
            return 0;
        }
    }
}
