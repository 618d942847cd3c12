package io.fissile.executor.instances;

import io.fissile.runtime.Instance;

import java.time.Duration;
import java.util.Objects;

/**
 * An instance made ready for a function.
 *
 * @param instance       the instance, already serving the function
 * @param packageVersion the resourceVersion of the package it runs, so that a later change of the
 *                       package retires it
 * @param stopGrace      how long it is given to stop after SIGTERM
 */
public record ProvidedInstance(Instance instance, String packageVersion, Duration stopGrace) {
    public ProvidedInstance {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(stopGrace, "stopGrace");
    }
}
