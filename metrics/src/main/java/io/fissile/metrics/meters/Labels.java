package io.fissile.metrics.meters;

/** The label names Fission's metrics carry, shared by the router's and the executor's meters. */
final class Labels {
    static final String FUNCTION_NAMESPACE = "function_namespace";
    static final String FUNCTION_NAME = "function_name";
    static final String PATH = "path";
    static final String METHOD = "method";
    static final String CODE = "code";
    static final String ENVIRONMENT_NAMESPACE = "environment_namespace";
    static final String ENVIRONMENT_NAME = "environment_name";
    static final String TRIGGER_NAMESPACE = "trigger_namespace";
    static final String TRIGGER_NAME = "trigger_name";

    private Labels() {
    }

    /** Micrometer refuses null tag values; a missing value is an empty label, as Prometheus reads it anyway. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
