package io.fissile.api.v1;

import io.fissile.api.Kind;
import io.fissile.api.Resource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds Fissile stores: Fission's ({@code apiVersion: fission.io/v1}) and the two of
 * Kubernetes' core API ({@code apiVersion: v1}) that functions read, Secret and ConfigMap.
 */
public final class Kinds {
    public static final String API_VERSION = "fission.io/v1";
    /** Kubernetes' core API, of Secret and ConfigMap. */
    public static final String CORE_API_VERSION = "v1";

    public static final Kind<Secret> SECRET =
            new Kind<>(CORE_API_VERSION, "Secret", "secrets", Secret.class, Secret::new);
    public static final Kind<ConfigMap> CONFIG_MAP =
            new Kind<>(CORE_API_VERSION, "ConfigMap", "configmaps", ConfigMap.class, ConfigMap::new);

    public static final Kind<Environment> ENVIRONMENT =
            new Kind<>(API_VERSION, "Environment", "environments", Environment.class, Environment::new);
    public static final Kind<Package> PACKAGE =
            new Kind<>(API_VERSION, "Package", "packages", Package.class, Package::new);
    public static final Kind<Function> FUNCTION =
            new Kind<>(API_VERSION, "Function", "functions", Function.class, Function::new);
    public static final Kind<HTTPTrigger> HTTP_TRIGGER =
            new Kind<>(API_VERSION, "HTTPTrigger", "httptriggers", HTTPTrigger.class, HTTPTrigger::new);
    public static final Kind<TimeTrigger> TIME_TRIGGER =
            new Kind<>(API_VERSION, "TimeTrigger", "timetriggers", TimeTrigger.class, TimeTrigger::new);
    public static final Kind<MessageQueueTrigger> MESSAGE_QUEUE_TRIGGER =
            new Kind<>(API_VERSION, "MessageQueueTrigger", "messagequeuetriggers", MessageQueueTrigger.class, MessageQueueTrigger::new);
    public static final Kind<KubernetesWatchTrigger> KUBERNETES_WATCH_TRIGGER =
            new Kind<>(API_VERSION, "KubernetesWatchTrigger", "kuberneteswatchtriggers", KubernetesWatchTrigger.class, KubernetesWatchTrigger::new);
    public static final Kind<CanaryConfig> CANARY_CONFIG =
            new Kind<>(API_VERSION, "CanaryConfig", "canaryconfigs", CanaryConfig.class, CanaryConfig::new);

    /** In dependency order: what a later kind refers to comes earlier, so applying in this order works. */
    private static final List<Kind<?>> ALL = List.of(SECRET, CONFIG_MAP, ENVIRONMENT, PACKAGE, FUNCTION, HTTP_TRIGGER, TIME_TRIGGER,
            MESSAGE_QUEUE_TRIGGER, KUBERNETES_WATCH_TRIGGER, CANARY_CONFIG);

    private Kinds() {
    }

    /** Every stored kind, in dependency order. */
    public static List<Kind<?>> all() {
        return ALL;
    }

    /** The kind with this name ({@code Function}), ignoring case. */
    public static Optional<Kind<?>> named(String name) {
        if (name == null) return Optional.empty();
        return ALL.stream().filter(k -> k.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The kind with this plural ({@code functions}), ignoring case. */
    public static Optional<Kind<?>> byPlural(String plural) {
        if (plural == null) return Optional.empty();
        String p = plural.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(k -> k.plural().equals(p)).findFirst();
    }

    /** The kind of a resource object. */
    @SuppressWarnings("unchecked")
    public static <R extends Resource<?, ?>> Kind<R> of(R resource) {
        return (Kind<R>) ALL.stream().filter(k -> k.type() == resource.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a stored kind: " + resource.getClass().getName()));
    }
}
