package io.fissile.cli.commands.canary;

import io.fissile.api.GoDuration;
import io.fissile.api.v1.CanaryConfigSpec;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.FieldFlags;
import picocli.CommandLine.Option;

/** The flags {@code canary create} and {@code canary update} share; create fills in Fission's defaults first. */
public final class CanaryFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.trigger", "--httptrigger",
            "spec.newfunction", "--newfunction",
            "spec.oldfunction", "--oldfunction",
            "spec.weightincrement", "--increment-step",
            "spec.duration", "--increment-interval",
            "spec.failurethreshold", "--failure-threshold");

    @Option(names = {"--increment-step", "--step"}, paramLabel = "PERCENT", description = "Weight moved to the new function at each step (default: 20)")
    Integer weightIncrement;

    @Option(names = {"--increment-interval", "--internal"}, paramLabel = "DURATION",
            description = "Time between steps, e.g. 1m or 2h (default: 2m)")
    String interval;

    @Option(names = {"--failure-threshold", "--threshold"}, paramLabel = "PERCENT",
            description = "Percentage of failed requests beyond which the new function is rolled back (default: 10)")
    Integer failureThreshold;

    void applyDefaults(CanaryConfigSpec spec) {
        spec.weightIncrement(20).duration("2m").failureThreshold(10).failureType("status-code");
    }

    boolean anyGiven() {
        return weightIncrement != null || interval != null || failureThreshold != null;
    }

    void applyTo(CanaryConfigSpec spec) {
        if (weightIncrement != null) spec.weightIncrement(weightIncrement);
        if (failureThreshold != null) spec.failureThreshold(failureThreshold);
        if (interval != null) {
            try {
                GoDuration.parse(interval);
            } catch (IllegalArgumentException e) {
                throw new CliException("--increment-interval: " + e.getMessage());
            }
            spec.duration(interval);
        }
    }
}
