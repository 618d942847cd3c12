package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fissile.api.v1.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolDeploymentTest {

    private final Environment nodejs = ModelFixtures.environment("nodejs", "fission/node-env");
    private final Deployment pool = PoolDeployment.of(nodejs, ModelFixtures.IMAGES);

    @Test
    void keepsPoolsizeGenericPodsSelectedByTheEnvironmentsLabelsAndManaged() {
        assertThat(pool.getMetadata().getName()).isEqualTo("poolmgr-nodejs-default");
        assertThat(pool.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(pool.getSpec().getReplicas()).isEqualTo(4);
        assertThat(pool.getSpec().getSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "environmentName", "nodejs", "environmentNamespace", "default", "executorType", "poolmgr", "managed", "true"));
        assertThat(pool.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(pool.getSpec().getSelector().getMatchLabels())
                .containsEntry("environmentUid", "env-uid-1");
        // Relabelling a pod managed=false takes it out of the selector.
        Map<String, String> taken = new java.util.HashMap<>(pool.getSpec().getTemplate().getMetadata().getLabels());
        taken.putAll(PodLabels.specializedFor("default", "hello"));
        assertThat(taken.entrySet()).doesNotContainAnyElementsOf(Map.of("managed", "true").entrySet());
    }

    @Test
    void runsTheRuntimeOn8888BesideTheFetcherOn8000SharingTheVolumes() {
        Container runtime = container("runtime");
        Container fetcher = container("fetcher");
        assertThat(runtime.getImage()).isEqualTo("registry.example/fissile/fissile-env-nodejs:1.2.3");
        assertThat(fetcher.getImage()).isEqualTo("registry.example/fissile/fissile:1.2.3");
        assertThat(runtime.getPorts()).singleElement().satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8888));
        assertThat(fetcher.getPorts()).singleElement().satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8000));
        assertThat(runtime.getVolumeMounts()).extracting(VolumeMount::getMountPath).containsExactly("/userfunc", "/secrets", "/configs");
        assertThat(fetcher.getVolumeMounts()).extracting(VolumeMount::getMountPath).containsExactly("/userfunc", "/secrets", "/configs");
        assertThat(pool.getSpec().getTemplate().getSpec().getVolumes())
                .allSatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        assertThat(runtime.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("HOST", "0.0.0.0"), org.assertj.core.groups.Tuple.tuple("PORT", "8888"),
                org.assertj.core.groups.Tuple.tuple("USERFUNC_DIR", "/userfunc"),
                org.assertj.core.groups.Tuple.tuple("SECRETS_DIR", "/secrets"));
        assertThat(fetcher.getCommand()).containsExactly("java", "-cp", "/opt/fissile/lib/*", "io.fissile.kubernetes.fetcher.Fetcher");
    }

    @Test
    void theRuntimeHasTheEnvironmentsRequestsLimitsAndGracePeriod() {
        Container runtime = container("runtime");
        assertThat(runtime.getResources().getLimits()).containsEntry("memory", new Quantity("128Mi")).containsEntry("cpu", new Quantity("500m"));
        assertThat(runtime.getResources().getRequests()).containsEntry("cpu", new Quantity("100m"));
        assertThat(pool.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(30L);
    }

    @Test
    void anEnvironmentWithoutAnImageIsRefusedNamingTheField() {
        Environment none = ModelFixtures.environment("empty", "x");
        none.spec().runtime().image(null);
        assertThatThrownBy(() -> PoolDeployment.of(none, ModelFixtures.IMAGES)).hasMessageContaining("spec.runtime.image");
    }

    private Container container(String name) {
        return pool.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }
}
