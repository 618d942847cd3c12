package io.fissile.kubernetes.fetcher;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.api.v1.Reference;
import io.fissile.executor.mounts.KeyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Secrets and ConfigMaps a function names, read from the Kubernetes API and written as
 * {@code <dir>/<namespace>/<name>/<key>} (as Fission's fetcher does for pool pods, which cannot have
 * a function's volumes).
 */
final class MountedObjects {

    private final Supplier<KubernetesClient> client;

    MountedObjects(Supplier<KubernetesClient> client) {
        this.client = client;
    }

    void writeSecrets(String functionNamespace, List<Reference> refs, Path dir) throws IOException {
        for (Reference ref : refs) {
            String namespace = ref.namespaceOr(functionNamespace);
            Secret secret = client.get().secrets().inNamespace(namespace).withName(ref.name()).get();
            if (secret == null) throw new MissingObjectException("secret \"" + namespace + "/" + ref.name() + "\" does not exist");
            Map<String, byte[]> values = new LinkedHashMap<>();
            if (secret.getData() != null) secret.getData().forEach((key, value) -> values.put(key, Base64.getDecoder().decode(value)));
            if (secret.getStringData() != null) secret.getStringData().forEach((key, value) -> values.put(key, value.getBytes(StandardCharsets.UTF_8)));
            KeyFiles.replace(dir.resolve(namespace).resolve(ref.name()), values);
        }
    }

    void writeConfigMaps(String functionNamespace, List<Reference> refs, Path dir) throws IOException {
        for (Reference ref : refs) {
            String namespace = ref.namespaceOr(functionNamespace);
            ConfigMap configMap = client.get().configMaps().inNamespace(namespace).withName(ref.name()).get();
            if (configMap == null) throw new MissingObjectException("config map \"" + namespace + "/" + ref.name() + "\" does not exist");
            Map<String, byte[]> values = new LinkedHashMap<>();
            if (configMap.getData() != null) configMap.getData().forEach((key, value) -> values.put(key, value.getBytes(StandardCharsets.UTF_8)));
            if (configMap.getBinaryData() != null) configMap.getBinaryData().forEach((key, value) -> values.put(key, Base64.getDecoder().decode(value)));
            KeyFiles.replace(dir.resolve(namespace).resolve(ref.name()), values);
        }
    }

    /** A named object is missing: the function cannot run as written. */
    static final class MissingObjectException extends IOException {
        MissingObjectException(String message) {
            super(message);
        }
    }
}
