package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.List;

/**
 * The fetcher beside each runtime container: it shares the userfunc, secrets and configs volumes,
 * listens on {@link PodContract#FETCHER_PORT} and, on {@code POST /specialize}, places a package and
 * tells the runtime next to it (on localhost) to load it. It runs
 * {@code io.fissile.kubernetes.fetcher.Fetcher} from the platform image, configured by variables.
 */
public final class FetcherSidecar {

    /** Where the platform image keeps Fissile's jars (its Dockerfile puts them there). */
    public static final String CLASSPATH = "/opt/fissile/lib/*";
    public static final String MAIN_CLASS = "io.fissile.kubernetes.fetcher.Fetcher";

    private FetcherSidecar() {
    }

    public static Container container(ImageNames images, List<VolumeMount> sharedMounts) {
        return new ContainerBuilder()
                .withName(PodContract.FETCHER_CONTAINER)
                .withImage(images.platform())
                .withCommand("java", "-cp", CLASSPATH, MAIN_CLASS)
                .withEnv(new EnvVar("FETCHER_PORT", Integer.toString(PodContract.FETCHER_PORT), null),
                        new EnvVar("USERFUNC_DIR", PodContract.USERFUNC, null),
                        new EnvVar("SECRETS_DIR", PodContract.SECRETS, null),
                        new EnvVar("CONFIGS_DIR", PodContract.CONFIGS, null),
                        new EnvVar("RUNTIME_URL", "http://127.0.0.1:" + PodContract.RUNTIME_PORT, null))
                .addNewPort().withName("fetcher").withContainerPort(PodContract.FETCHER_PORT).endPort()
                .withVolumeMounts(sharedMounts)
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(PodContract.FETCHER_PORT))
                .endTcpSocket().endReadinessProbe()
                .build();
    }
}
