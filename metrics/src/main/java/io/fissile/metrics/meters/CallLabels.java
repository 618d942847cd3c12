package io.fissile.metrics.meters;

import io.fissile.router.RequestRecord;
import io.micrometer.core.instrument.Tags;

/**
 * The labels of Fission's per-call metrics, as a map key: equal records share their meters.
 * The path is the route's template, never the request's path, so the label sets stay few.
 */
record CallLabels(String namespace, String function, String path, String method, int status) {

    static CallLabels of(RequestRecord record) {
        return new CallLabels(record.namespace(), record.function(), record.path(), record.method(), record.status());
    }

    Tags tags() {
        return Tags.of(
                Labels.FUNCTION_NAMESPACE, Labels.orEmpty(namespace),
                Labels.FUNCTION_NAME, Labels.orEmpty(function),
                Labels.PATH, Labels.orEmpty(path),
                Labels.METHOD, Labels.orEmpty(method),
                Labels.CODE, Integer.toString(status));
    }
}
