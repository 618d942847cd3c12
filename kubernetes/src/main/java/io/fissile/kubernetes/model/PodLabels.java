package io.fissile.kubernetes.model;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on Fissile's pods, Fission's names: a pool pod carries its environment's and
 * {@code managed=true}, which its pool Deployment selects; taking it for a function sets
 * {@code managed=false} and adds the function's, so that the Deployment no longer counts it and
 * starts a replacement.
 */
public final class PodLabels {

    public static final String ENVIRONMENT_NAME = "environmentName";
    public static final String ENVIRONMENT_NAMESPACE = "environmentNamespace";
    public static final String ENVIRONMENT_UID = "environmentUid";
    public static final String FUNCTION_NAME = "functionName";
    public static final String FUNCTION_NAMESPACE = "functionNamespace";
    public static final String FUNCTION_UID = "functionUid";
    public static final String EXECUTOR_TYPE = "executorType";
    public static final String MANAGED = "managed";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** Which executor claimed the pod ({@link ExecutorIdentity}); a pod carrying it is nobody else's to claim. */
    public static final String EXECUTOR = "fissile.io/executor";
    public static final String FISSILE = "fissile";

    private PodLabels() {
    }

    /** What a pool Deployment selects: its environment's generic pods still in the pool. */
    public static Map<String, String> poolSelector(Environment environment) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ENVIRONMENT_NAME, environment.name());
        labels.put(ENVIRONMENT_NAMESPACE, environment.namespace());
        labels.put(EXECUTOR_TYPE, "poolmgr");
        labels.put(MANAGED, "true");
        return labels;
    }

    /** A pool pod's labels: the selector's and the environment's uid. */
    public static Map<String, String> pool(Environment environment) {
        Map<String, String> labels = poolSelector(environment);
        putIfPresent(labels, ENVIRONMENT_UID, environment.metadata().uid());
        labels.put(MANAGED_BY, FISSILE);
        return labels;
    }

    /** The label that takes a pool pod out of its Deployment (which then starts another). */
    public static Map<String, String> takenFromPool() {
        return Map.of(MANAGED, "false");
    }

    /** The labels that claim a pod for the executor named {@code identity}. */
    public static Map<String, String> claimedBy(String identity) {
        return Map.of(EXECUTOR, identity);
    }

    /** The labels of a pool pod specialized for a function. */
    public static Map<String, String> specializedFor(String functionNamespace, String functionName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "false");
        labels.put(FUNCTION_NAME, functionName);
        labels.put(FUNCTION_NAMESPACE, functionNamespace);
        return labels;
    }

    /** What a function's own Deployment (newdeploy, container) selects. */
    public static Map<String, String> functionSelector(Function function, String executorType) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(FUNCTION_NAME, function.name());
        labels.put(FUNCTION_NAMESPACE, function.namespace());
        labels.put(EXECUTOR_TYPE, executorType);
        return labels;
    }

    /** A function pod's labels: the selector's, the function's uid, and its environment's when it has one. */
    public static Map<String, String> function(Function function, String executorType, Environment environment) {
        Map<String, String> labels = functionSelector(function, executorType);
        putIfPresent(labels, FUNCTION_UID, function.metadata().uid());
        if (environment != null) {
            labels.put(ENVIRONMENT_NAME, environment.name());
            labels.put(ENVIRONMENT_NAMESPACE, environment.namespace());
        }
        labels.put(MANAGED_BY, FISSILE);
        return labels;
    }

    private static void putIfPresent(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isEmpty()) labels.put(key, value);
    }
}
