package io.fissile.executor.mounts;

import io.fissile.api.Resource;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Secret;
import io.fissile.runtime.Instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What differs between mounting secrets and config maps: where a function names them, their values, their directory. */
record MountedKind<R extends Resource<?, ?>>(String noun, java.util.function.Function<Function, List<Reference>> references,
                                            java.util.function.Function<R, Map<String, byte[]>> values,
                                            java.util.function.Function<Instance, Path> directory) {

    static final MountedKind<Secret> SECRETS = new MountedKind<>("secret", function -> function.spec().secrets(),
            secret -> secret.data() == null ? Map.of() : secret.data(), Instance::secretsDir);

    static final MountedKind<ConfigMap> CONFIG_MAPS = new MountedKind<>("config map",
            function -> function.spec().configmaps(), MountedKind::configMapValues, Instance::configsDir);

    /** The objects the function names, as {@code namespace/name} pairs (its own namespace when none is written). */
    List<Reference> namedBy(Function function) {
        List<Reference> named = references.apply(function);
        if (named == null) return List.of();
        return named.stream()
                .filter(ref -> ref != null && ref.name() != null && !ref.name().isEmpty())
                .map(ref -> new Reference().namespace(ref.namespaceOr(function.namespace())).name(ref.name()))
                .toList();
    }

    boolean names(Function function, String namespace, String name) {
        return namedBy(function).stream().anyMatch(ref -> ref.namespace().equals(namespace) && ref.name().equals(name));
    }

    private static Map<String, byte[]> configMapValues(ConfigMap configMap) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (configMap.data() != null) configMap.data().forEach((key, text) -> values.put(key, text.getBytes(StandardCharsets.UTF_8)));
        if (configMap.binaryData() != null) values.putAll(configMap.binaryData());
        return values;
    }
}
