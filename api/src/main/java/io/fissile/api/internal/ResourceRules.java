package io.fissile.api.internal;

import io.fissile.api.Cron;
import io.fissile.api.GoDuration;
import io.fissile.api.ObjectMeta;
import io.fissile.api.Quantity;
import io.fissile.api.Resource;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.CanaryConfig;
import io.fissile.api.v1.CanaryConfigSpec;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.EnvironmentSpec;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.HTTPTriggerSpec;
import io.fissile.api.v1.IngressConfig;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.api.v1.KubernetesWatchTriggerSpec;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageSpec;
import io.fissile.api.v1.PackageStatus;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.api.v1.Secret;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.api.v1.TimeTriggerSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Fission's validation rules, kind by kind, reported with JSON field paths. */
public final class ResourceRules {
    static final List<String> HTTP_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE");
    static final List<String> EXECUTOR_TYPES = List.of(ExecutionStrategy.POOLMGR, ExecutionStrategy.NEWDEPLOY, ExecutionStrategy.CONTAINER);
    static final List<String> BUILD_STATUSES = List.of(PackageStatus.PENDING, PackageStatus.RUNNING, PackageStatus.SUCCEEDED,
            PackageStatus.FAILED, PackageStatus.NONE);
    /** The queue types Fission accepts for KEDA-based triggers; "fission" triggers accept kafka only. */
    static final List<String> KEDA_QUEUE_TYPES = List.of("kafka", "aws-sqs-queue", "aws-kinesis-stream", "gcp-pubsub", "stan",
            "rabbitmq", "redis", "nats-jetstream");
    static final List<String> WATCH_TYPES = List.of("POD", "SERVICE", "REPLICATIONCONTROLLER", "JOB");
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-._]*[a-zA-Z0-9]");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

    private ResourceRules() {
    }

    /** Validates any model object Fissile reads: a stored resource or a spec-only kind. */
    public static void validate(Object object, Problems p) {
        switch (object) {
            case Resource<?, ?> r -> {
                metadata(r.metadata(), p.at("metadata"));
                // Kubernetes' core kinds keep their values at the top level, without a spec.
                if (r instanceof Secret secret) {
                    DataRules.secret(secret, p);
                    return;
                }
                if (r instanceof ConfigMap configMap) {
                    DataRules.configMap(configMap, p);
                    return;
                }
                if (r.spec() == null) {
                    p.add("spec", "is required");
                    return;
                }
                switch (r) {
                    case Environment e -> environment(e.spec(), p.at("spec"));
                    case Package pkg -> packageResource(pkg, p);
                    case Function f -> function(f, p.at("spec"));
                    case HTTPTrigger t -> httpTrigger(t.spec(), p.at("spec"));
                    case TimeTrigger t -> timeTrigger(t.spec(), p.at("spec"));
                    case MessageQueueTrigger t -> messageQueueTrigger(t.spec(), p.at("spec"));
                    case KubernetesWatchTrigger t -> watchTrigger(t.spec(), p.at("spec"));
                    case CanaryConfig c -> canary(c.spec(), p.at("spec"));
                    default -> { }
                }
            }
            case DeploymentConfig d -> {
                p.check("name", Names.dnsLabel(d.name()));
                p.require("uid", d.uid());
            }
            case ArchiveUploadSpec a -> {
                // Fission's generated archive names mix cases ("hello-js-Xb3k"): any word will do.
                p.require("name", a.name());
                if (a.name() != null && !a.name().matches("[A-Za-z0-9][-A-Za-z0-9_.]*")) {
                    p.add("name", "\"" + a.name() + "\" must be letters, digits, '-', '_' or '.'");
                }
                if (a.include() == null || a.include().isEmpty()) p.add("include", "needs at least one glob");
            }
            default -> p.add("", "cannot validate a " + object.getClass().getSimpleName());
        }
    }

    static void metadata(ObjectMeta meta, Problems p) {
        p.check("name", Names.dnsLabel(meta.name()));
        if (meta.namespace() != null && !meta.namespace().isEmpty()) {
            p.check("namespace", Names.dnsLabel(meta.namespace()));
        }
        if (meta.labels() != null) {
            meta.labels().forEach((k, v) -> {
                p.at("labels").check(k, Names.qualifiedName(k));
                p.at("labels").check(k, Names.labelValue(v));
            });
        }
        if (meta.annotations() != null) {
            annotations(meta.annotations(), p.at("annotations"));
        }
    }

    private static void annotations(Map<String, String> annotations, Problems p) {
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            p.check(e.getKey(), Names.qualifiedName(e.getKey()));
            size += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        }
        if (size > ANNOTATIONS_SIZE_LIMIT) p.add("", "annotations total " + size + " characters; at most " + ANNOTATIONS_SIZE_LIMIT + " are allowed");
    }

    private static void reference(Reference ref, Problems p, boolean required) {
        if (ref == null) {
            if (required) p.add("name", "is required");
            return;
        }
        if (required || (ref.name() != null && !ref.name().isEmpty())) p.check("name", Names.dnsLabel(ref.name()));
        if (ref.namespace() != null && !ref.namespace().isEmpty()) p.check("namespace", Names.dnsLabel(ref.namespace()));
    }

    private static void resources(ResourceRequirements resources, Problems p) {
        if (resources == null) return;
        quantities(resources.requests(), p.at("requests"));
        quantities(resources.limits(), p.at("limits"));
    }

    private static void quantities(Map<String, String> values, Problems p) {
        if (values == null) return;
        values.forEach((name, value) -> {
            try {
                Quantity.parse(value);
            } catch (IllegalArgumentException e) {
                p.add(name, e.getMessage());
            }
        });
    }

    static void environment(EnvironmentSpec spec, Problems p) {
        if (spec.version() != null) p.between("version", spec.version(), 1, 3);
        boolean customPod = spec.runtime() != null
                && (spec.runtime().unknownField("podspec") != null || spec.runtime().unknownField("container") != null);
        if (!customPod) p.require("runtime.image", spec.runtime() == null ? null : spec.runtime().image());
        p.oneOf("allowedFunctionsPerContainer", spec.allowedFunctionsPerContainer(), List.of("single", "infinite"));
        p.atLeast("poolsize", spec.poolsize(), 0);
        p.atLeast("terminationGracePeriod", spec.terminationGracePeriod(), 0);
        resources(spec.resources(), p.at("resources"));
    }

    static void packageResource(Package pkg, Problems p) {
        PackageSpec spec = pkg.spec();
        Problems s = p.at("spec");
        reference(spec.environment(), s.at("environment"), true);
        archive(spec.source(), s.at("source"));
        archive(spec.deployment(), s.at("deployment"));
        if (pkg.status() != null) {
            p.at("status").oneOf("buildstatus", pkg.status().buildstatus(), BUILD_STATUSES);
        }
    }

    static void archive(Archive archive, Problems p) {
        if (archive == null || archive.isEmpty()) return;
        p.oneOf("type", archive.type(), List.of(Archive.LITERAL, Archive.URL));
        if (archive.literal() != null && archive.literal().length > Archive.LITERAL_SIZE_LIMIT) {
            p.add("literal", "is " + archive.literal().length + " bytes; a literal archive holds at most "
                    + Archive.LITERAL_SIZE_LIMIT + " (256 KiB): upload it as an archive instead");
        }
        if (Archive.URL.equals(archive.type()) && (archive.url() == null || archive.url().isEmpty())) {
            p.add("url", "is required for an archive of type url");
        }
        Checksum checksum = archive.checksum();
        if (checksum != null && !checksum.isEmpty()) {
            Problems c = p.at("checksum");
            if (!Checksum.SHA256.equals(checksum.type())) {
                c.add("type", "\"" + checksum.type() + "\" is not a supported checksum type; use sha256");
            } else if (checksum.sum() == null || !HEX_SHA256.matcher(checksum.sum()).matches()) {
                c.add("sum", "must be 64 lower-case hex digits (a SHA-256 digest)");
            }
        }
    }

    static void function(Function fn, Problems p) {
        FunctionSpec spec = fn.spec();
        ExecutionStrategy strategy = spec.executionStrategy();
        boolean container = ExecutionStrategy.CONTAINER.equals(strategy.executorType());
        reference(spec.environment(), p.at("environment"), !container);
        if (spec.packageRef() == null || spec.packageRef().packageRef() == null) {
            if (!container) p.add("package.packageref.name", "is required");
        } else {
            Problems ref = p.at("package").at("packageref");
            ref.check("name", Names.dnsLabel(spec.packageRef().packageRef().name()));
            String ns = spec.packageRef().packageRef().namespace();
            if (ns != null && !ns.isEmpty()) ref.check("namespace", Names.dnsLabel(ns));
        }
        String namespace = fn.namespace();
        sameNamespaceReferences(spec.secrets(), "secrets", namespace, p);
        sameNamespaceReferences(spec.configmaps(), "configmaps", namespace, p);
        EnvVarRules.check(spec.env(), p);
        resources(spec.resources(), p.at("resources"));
        if (spec.invokeStrategy() != null) {
            Problems is = p.at("InvokeStrategy");
            String type = spec.invokeStrategy().strategyType();
            if (type != null && !type.isEmpty() && !"execution".equals(type)) {
                is.add("StrategyType", "\"" + type + "\" is not a strategy type; the only one is execution");
            }
            executionStrategy(strategy, is.at("ExecutionStrategy"));
        }
        if (container) ContainerRules.check(spec.podSpec(), p);
        p.atLeast("functionTimeout", spec.functionTimeout(), 0);
        p.atLeast("idletimeout", spec.idleTimeout(), 0);
        p.atLeast("concurrency", spec.concurrency(), 0);
        p.atLeast("requestsPerPod", spec.requestsPerPod(), 0);
        p.atLeast("retainPods", spec.retainPods(), 0);
    }

    private static void sameNamespaceReferences(List<Reference> refs, String field, String namespace, Problems p) {
        if (refs == null) return;
        for (int i = 0; i < refs.size(); i++) {
            Problems r = p.at(field, i);
            Reference ref = refs.get(i);
            reference(ref, r, true);
            if (ref != null && ref.namespace() != null && !ref.namespace().isEmpty() && !ref.namespace().equals(namespace)) {
                r.add("namespace", "\"" + ref.namespace() + "\" differs from the function's namespace \"" + namespace
                        + "\"; it must be in the same namespace");
            }
        }
    }

    static void executionStrategy(ExecutionStrategy es, Problems p) {
        p.oneOf("ExecutorType", es.executorType(), EXECUTOR_TYPES);
        String type = es.effectiveExecutorType();
        if (type.equals(ExecutionStrategy.NEWDEPLOY) || type.equals(ExecutionStrategy.CONTAINER)) {
            p.atLeast("MinScale", es.minScale(), 0);
            if (es.maxScale() != null && es.maxScale() <= 0) p.add("MaxScale", "must be greater than 0, not " + es.maxScale());
            if (es.maxScale() != null && es.minScale() != null && es.maxScale() > 0 && es.maxScale() < es.minScale()) {
                p.add("MaxScale", "must be at least MinScale (" + es.minScale() + "), not " + es.maxScale());
            }
            p.between("TargetCPUPercent", es.targetCPUPercent(), 0, 100);
        }
        p.atLeast("SpecializationTimeout", es.specializationTimeout(), 0);
    }

    static void functionReference(FunctionReference ref, Problems p) {
        if (ref == null) {
            p.add("name", "is required");
            return;
        }
        p.oneOf("type", ref.type(), List.of(FunctionReference.TYPE_NAME, FunctionReference.TYPE_FUNCTION_WEIGHTS));
        if (ref.effectiveType().equals(FunctionReference.TYPE_NAME)) {
            p.check("name", Names.dnsLabel(ref.name()));
        } else if (ref.effectiveType().equals(FunctionReference.TYPE_FUNCTION_WEIGHTS)) {
            Map<String, Integer> weights = ref.functionWeights();
            if (weights == null || weights.isEmpty()) {
                p.add("functionweights", "needs at least one function with a weight");
                return;
            }
            int total = 0;
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                Problems w = p.at("functionweights");
                w.check(e.getKey(), Names.dnsLabel(e.getKey()));
                if (e.getValue() == null || e.getValue() < 0) w.add(e.getKey(), "weight must be 0 or more");
                else total += e.getValue();
            }
            if (total <= 0) p.add("functionweights", "weights must add up to more than 0");
        }
    }

    static void httpTrigger(HTTPTriggerSpec spec, Problems p) {
        if (spec.method() != null && !spec.method().isEmpty()) p.oneOf("method", spec.method(), HTTP_METHODS);
        if (spec.methods() != null) {
            for (int i = 0; i < spec.methods().size(); i++) {
                p.oneOf("methods[" + i + "]", spec.methods().get(i), HTTP_METHODS);
            }
        }
        functionReference(spec.functionRef(), p.at("functionref"));
        if (spec.host() != null && !spec.host().isEmpty()) p.check("host", Names.dnsSubdomain(spec.host()));
        boolean hasUrl = spec.relativeUrl() != null && !spec.relativeUrl().isEmpty();
        boolean hasPrefix = spec.prefix() != null && !spec.prefix().isEmpty();
        if (!hasUrl && !hasPrefix) {
            p.add("relativeurl", "is required when there is no prefix");
        }
        if (hasUrl) p.check("relativeurl", urlTemplate(spec.relativeUrl()));
        if (hasPrefix) p.check("prefix", urlTemplate(spec.prefix()));
        if (spec.ingressConfig() != null) ingress(spec.ingressConfig(), p.at("ingressconfig"));
    }

    /** Checks a path with {@code {name}} and {@code {name:regex}} parameters; null when it is fine. */
    static String urlTemplate(String url) {
        if (!url.startsWith("/")) return "\"" + url + "\" must start with /";
        int i = 0;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '}') return "\"" + url + "\" has a '}' without its '{'";
            if (c != '{') {
                i++;
                continue;
            }
            int depth = 0;
            int end = -1;
            for (int j = i; j < url.length(); j++) {
                if (url.charAt(j) == '{') depth++;
                else if (url.charAt(j) == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0) return "\"" + url + "\" has a '{' without its '}'";
            String param = url.substring(i + 1, end);
            int colon = param.indexOf(':');
            String name = colon < 0 ? param : param.substring(0, colon);
            if (name.isEmpty()) return "\"" + url + "\" has a parameter without a name";
            if (colon >= 0) {
                try {
                    Pattern.compile(param.substring(colon + 1));
                } catch (PatternSyntaxException e) {
                    return "the pattern of parameter \"" + name + "\" is not a valid regular expression: " + e.getDescription();
                }
            }
            i = end + 1;
        }
        return null;
    }

    private static void ingress(IngressConfig config, Problems p) {
        if (config.path() != null && !config.path().isEmpty()) {
            if (!config.path().startsWith("/")) p.add("path", "must be an absolute path");
            try {
                Pattern.compile(config.path());
            } catch (PatternSyntaxException e) {
                p.add("path", "must be a valid regular expression: " + e.getDescription());
            }
        }
        String host = config.host();
        if (host != null && !host.isEmpty() && !host.equals("*")) {
            p.check("host", Names.dnsSubdomain(host.startsWith("*.") ? host.substring(2) : host));
        }
        if (config.annotations() != null) annotations(config.annotations(), p.at("annotations"));
    }

    static void timeTrigger(TimeTriggerSpec spec, Problems p) {
        try {
            Cron.parse(spec.cron());
        } catch (IllegalArgumentException e) {
            p.add("cron", e.getMessage());
        }
        if (spec.method() != null && !spec.method().isEmpty()) p.oneOf("method", spec.method(), HTTP_METHODS);
        functionReference(spec.functionRef(), p.at("functionref"));
    }

    static void messageQueueTrigger(MessageQueueTriggerSpec spec, Problems p) {
        functionReference(spec.functionRef(), p.at("functionref"));
        String kind = spec.mqtKind() == null || spec.mqtKind().isEmpty() ? "keda" : spec.mqtKind();
        p.oneOf("mqtkind", spec.mqtKind(), List.of("fission", "keda"));
        List<String> types = kind.equals("fission") ? List.of("kafka") : KEDA_QUEUE_TYPES;
        if (spec.messageQueueType() == null || spec.messageQueueType().isEmpty()) {
            p.add("messageQueueType", "is required");
        } else {
            p.oneOf("messageQueueType", spec.messageQueueType(), types);
        }
        p.require("topic", spec.topic());
        if ("kafka".equals(spec.messageQueueType())) {
            topic("topic", spec.topic(), p);
            topic("respTopic", spec.respTopic(), p);
            topic("errorTopic", spec.errorTopic(), p);
        }
        p.atLeast("maxRetries", spec.maxRetries(), 0);
        p.atLeast("pollingInterval", spec.pollingInterval(), 0);
        p.atLeast("cooldownPeriod", spec.cooldownPeriod(), 0);
        p.atLeast("minReplicaCount", spec.minReplicaCount(), 0);
        p.atLeast("maxReplicaCount", spec.maxReplicaCount(), 0);
        if (spec.minReplicaCount() != null && spec.maxReplicaCount() != null && spec.maxReplicaCount() < spec.minReplicaCount()) {
            p.add("maxReplicaCount", "must be at least minReplicaCount (" + spec.minReplicaCount() + ")");
        }
    }

    private static void topic(String field, String topic, Problems p) {
        if (topic != null && !topic.isEmpty() && (topic.length() > 249 || !KAFKA_TOPIC.matcher(topic).matches())) {
            p.add(field, "\"" + topic + "\" is not a valid Kafka topic: letters, digits, '.', '_' and '-', "
                    + "starting and ending with a letter or digit");
        }
    }

    static void watchTrigger(KubernetesWatchTriggerSpec spec, Problems p) {
        String type = spec.type() == null ? "" : spec.type().toUpperCase(Locale.ROOT);
        if (!WATCH_TYPES.contains(type)) {
            p.add("type", "\"" + spec.type() + "\" is not a watchable type; use one of " + String.join(", ", WATCH_TYPES));
        }
        if (spec.namespace() != null && !spec.namespace().isEmpty()) p.check("namespace", Names.dnsLabel(spec.namespace()));
        if (spec.labelSelector() != null) {
            spec.labelSelector().forEach((k, v) -> {
                p.at("labelselector").check(k, Names.qualifiedName(k));
                p.at("labelselector").check(k, Names.labelValue(v));
            });
        }
        functionReference(spec.functionRef(), p.at("functionref"));
    }

    static void canary(CanaryConfigSpec spec, Problems p) {
        p.check("trigger", Names.dnsLabel(spec.trigger()));
        p.check("newfunction", Names.dnsLabel(spec.newFunction()));
        p.check("oldfunction", Names.dnsLabel(spec.oldFunction()));
        p.between("weightincrement", spec.weightIncrement(), 1, 100);
        p.between("failurethreshold", spec.failureThreshold(), 0, 100);
        p.oneOf("failureType", spec.failureType(), List.of("status-code"));
        if (spec.duration() != null && !spec.duration().isEmpty()) {
            try {
                if (GoDuration.parse(spec.duration()).compareTo(java.time.Duration.ZERO) <= 0) p.add("duration", "must be positive");
            } catch (IllegalArgumentException e) {
                p.add("duration", e.getMessage());
            }
        }
    }
}
