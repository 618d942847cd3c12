package io.fissile.metrics.meters;

import io.micrometer.core.instrument.Tags;

/** The labels of Fission's per-function metrics (cold starts, instances), as a map key. */
record FunctionLabels(String namespace, String function) {

    Tags tags() {
        return Tags.of(Labels.FUNCTION_NAMESPACE, Labels.orEmpty(namespace), Labels.FUNCTION_NAME, Labels.orEmpty(function));
    }
}
