package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A pod's volumes: the emptyDirs the runtime shares with the fetcher ({@code /userfunc}, and for pool
 * pods {@code /secrets} and {@code /configs}, which the fetcher fills at specialization), and a
 * function's own Secrets and ConfigMaps mounted read-only at {@code /secrets/<namespace>/<name>} and
 * {@code /configs/<namespace>/<name>} (one file per key).
 */
public final class PodVolumes {

    public static final String USERFUNC_VOLUME = "userfunc";
    public static final String SECRETS_VOLUME = "secrets";
    public static final String CONFIGS_VOLUME = "configs";

    private final List<Volume> volumes = new ArrayList<>();
    private final List<VolumeMount> runtimeMounts = new ArrayList<>();
    private final List<VolumeMount> fetcherMounts = new ArrayList<>();

    private PodVolumes() {
    }

    /** A pool pod's: userfunc, secrets and configs as emptyDirs the fetcher writes. */
    public static PodVolumes forPool() {
        PodVolumes pod = new PodVolumes();
        pod.shared(USERFUNC_VOLUME, PodContract.USERFUNC);
        pod.shared(SECRETS_VOLUME, PodContract.SECRETS);
        pod.shared(CONFIGS_VOLUME, PodContract.CONFIGS);
        return pod;
    }

    /** A function's own pod's: userfunc shared with the fetcher, its Secrets and ConfigMaps as volumes. */
    public static PodVolumes forFunction(Function function) {
        PodVolumes pod = new PodVolumes();
        pod.shared(USERFUNC_VOLUME, PodContract.USERFUNC);
        List<Reference> secrets = function.spec().secrets() == null ? List.of() : function.spec().secrets();
        List<Reference> configMaps = function.spec().configmaps() == null ? List.of() : function.spec().configmaps();
        for (Reference ref : secrets) pod.secret(ref.namespaceOr(function.namespace()), ref.name());
        for (Reference ref : configMaps) pod.configMap(ref.namespaceOr(function.namespace()), ref.name());
        return pod;
    }

    public List<Volume> volumes() {
        return List.copyOf(volumes);
    }

    public List<VolumeMount> runtimeMounts() {
        return List.copyOf(runtimeMounts);
    }

    public List<VolumeMount> fetcherMounts() {
        return List.copyOf(fetcherMounts);
    }

    private void shared(String name, String path) {
        volumes.add(new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build());
        VolumeMount mount = new VolumeMountBuilder().withName(name).withMountPath(path).build();
        runtimeMounts.add(mount);
        fetcherMounts.add(mount);
    }

    private void secret(String namespace, String name) {
        String volume = KubernetesNames.of(KubernetesNames.MAX_LABEL, "secret", namespace, name);
        volumes.add(new VolumeBuilder().withName(volume).withNewSecret().withSecretName(name).endSecret().build());
        runtimeMounts.add(readOnly(volume, PodContract.SECRETS + "/" + namespace + "/" + name));
    }

    private void configMap(String namespace, String name) {
        String volume = KubernetesNames.of(KubernetesNames.MAX_LABEL, "configmap", namespace, name);
        volumes.add(new VolumeBuilder().withName(volume).withNewConfigMap().withName(name).endConfigMap().build());
        runtimeMounts.add(readOnly(volume, PodContract.CONFIGS + "/" + namespace + "/" + name));
    }

    private static VolumeMount readOnly(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
    }
}
