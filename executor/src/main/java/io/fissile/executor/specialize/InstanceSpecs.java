package io.fissile.executor.specialize;

import io.fissile.api.Quantity;
import io.fissile.api.v1.Container;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.UserCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What to start for an environment: its image, with {@code resources.limits} as the instance's limits. */
public final class InstanceSpecs {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceSpecs.class);
    private static final BigDecimal MILLIS_PER_CORE = BigDecimal.valueOf(1000);

    private InstanceSpecs() {
    }

    /** A generic instance of the environment, limited as the environment says (a warm pool's). */
    public static InstanceSpec of(Environment environment) {
        return new InstanceSpec(environment.namespace(), environment.name(), imageOf(environment), Map.of(), List.of(),
                memoryLimit(environment.spec().resources(), 0, environment.describe()),
                cpuLimit(environment.spec().resources(), 0, environment.describe()));
    }

    /**
     * An instance of the environment dedicated to one function: each limit the function's
     * {@code resources} sets overrides the environment's, the others stay the environment's (as
     * Fission's newdeploy does); the function's {@code spec.env} in its process environment.
     */
    public static InstanceSpec forFunction(Environment environment, Function function) {
        InstanceSpec generic = of(environment);
        ResourceRequirements own = function.spec().resources();
        return new InstanceSpec(generic.environmentNamespace(), generic.environmentName(), generic.image(),
                function.spec().environmentVariables(), List.of(),
                memoryLimit(own, generic.memoryLimitBytes(), function.describe()),
                cpuLimit(own, generic.cpuLimitMillis(), function.describe()));
    }

    /**
     * An instance of a function that runs its own program (executor type container): named after the
     * function, limited by the function's {@code resources}, with its {@code spec.env} and then its
     * container's {@code env} as variables.
     */
    public static InstanceSpec forCommand(Function function, Container container, UserCommand command) {
        Map<String, String> variables = new LinkedHashMap<>(function.spec().environmentVariables());
        if (container.env() != null) {
            container.env().forEach(v -> variables.put(v.name(), v.value() == null ? "" : v.value()));
        }
        ResourceRequirements own = function.spec().resources();
        return new InstanceSpec(function.namespace(), function.name(), container.hasImage() ? container.image() : "", variables,
                List.of(), memoryLimit(own, 0, function.describe()), cpuLimit(own, 0, function.describe()), command);
    }

    /** The environment's {@code terminationGracePeriod}, at most {@code cap}. */
    public static Duration stopGrace(Environment environment, Duration cap) {
        Long seconds = environment.spec().terminationGracePeriod();
        if (seconds == null || seconds < 0) return cap;
        Duration grace = Duration.ofSeconds(seconds);
        return grace.compareTo(cap) > 0 ? cap : grace;
    }

    private static String imageOf(Environment environment) {
        return environment.spec().runtime() == null ? "" : String.valueOf(environment.spec().runtime().image());
    }

    private static long memoryLimit(ResourceRequirements resources, long otherwise, String owner) {
        return quantity(limit(resources, ResourceRequirements.MEMORY), BigDecimal.ONE, otherwise, owner);
    }

    private static long cpuLimit(ResourceRequirements resources, long otherwise, String owner) {
        return quantity(limit(resources, ResourceRequirements.CPU), MILLIS_PER_CORE, otherwise, owner);
    }

    private static String limit(ResourceRequirements resources, String name) {
        return resources == null || resources.limits() == null ? null : resources.limits().get(name);
    }

    /** The quantity in {@code unit}s; {@code otherwise} when it is absent or cannot be read. */
    private static long quantity(String text, BigDecimal unit, long otherwise, String owner) {
        if (text == null || text.isBlank()) return otherwise;
        try {
            return Quantity.parse(text).multiply(unit).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.warn("{}: ignoring the limit \"{}\": {}", owner, text, e.getMessage());
            return otherwise;
        }
    }
}
