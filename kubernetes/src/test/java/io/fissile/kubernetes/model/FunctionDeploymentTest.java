package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.ResourceRequirements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionDeploymentTest {

    private final Environment python = ModelFixtures.environment("python", "fission/python-env");

    @Test
    void aNewdeployFunctionGetsItsOwnDeploymentSelectedByItsLabels() {
        Deployment deployment = FunctionDeployment.of(ModelFixtures.function("hello"), python, ModelFixtures.IMAGES, 2);
        assertThat(deployment.getMetadata().getName()).isEqualTo("newdeploy-hello-default");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "functionName", "hello", "functionNamespace", "default", "executorType", "newdeploy"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels())
                .containsEntry("functionUid", "fn-uid-1").containsEntry("environmentName", "python");
        assertThat(runtime(deployment).getImage()).isEqualTo("registry.example/fissile/fissile-env-python:1.2.3");
    }

    @Test
    void itsSecretsAndConfigMapsAreVolumesMountedWhereTheContractSays() {
        Function function = ModelFixtures.function("reader");
        function.spec().secrets(List.of(Reference.to("db"))).configmaps(List.of(Reference.to("settings")));
        Deployment deployment = FunctionDeployment.of(function, python, ModelFixtures.IMAGES, 1);
        List<Volume> volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
        assertThat(volumes).filteredOn(v -> v.getSecret() != null).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("db"));
        assertThat(volumes).filteredOn(v -> v.getConfigMap() != null).singleElement()
                .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("settings"));
        assertThat(runtime(deployment).getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getReadOnly)
                .contains(org.assertj.core.groups.Tuple.tuple("/secrets/default/db", true),
                        org.assertj.core.groups.Tuple.tuple("/configs/default/settings", true),
                        org.assertj.core.groups.Tuple.tuple("/userfunc", null));
        assertThat(volumes).extracting(Volume::getName).allMatch(name -> name.length() <= 63);
    }

    @Test
    void theFunctionsLimitsOverrideTheEnvironmentsAndItsVariablesAreSet() {
        Function function = ModelFixtures.function("big");
        function.spec().resources(new ResourceRequirements().limits(Map.of("memory", "1Gi")));
        function.spec().env(List.of(io.fissile.api.v1.EnvVar.of("GREETING", "hi"), io.fissile.api.v1.EnvVar.of("PORT", "1")));
        Container runtime = runtime(FunctionDeployment.of(function, python, ModelFixtures.IMAGES, 1));
        assertThat(runtime.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi")).containsEntry("cpu", new Quantity("500m"));
        assertThat(runtime.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("GREETING", "hi"), org.assertj.core.groups.Tuple.tuple("PORT", "8888"))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("PORT", "1"));
    }

    @Test
    void aLongFunctionNameStillMakesValidNames() {
        Function function = ModelFixtures.function("a".repeat(63));
        Deployment deployment = FunctionDeployment.of(function, python, ModelFixtures.IMAGES, 1);
        assertThat(deployment.getMetadata().getName()).hasSizeLessThanOrEqualTo(KubernetesNames.MAX_DEPLOYMENT);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels().values()).allMatch(value -> value.length() <= 63);
    }

    @Test
    void theServiceSendsPort80ToTheRuntimesPortOfTheFunctionsPods() {
        Function function = ModelFixtures.function("hello");
        Service service = FunctionService.of(FunctionDeployment.name(function), "default",
                PodLabels.functionSelector(function, FunctionDeployment.NEWDEPLOY), PodContract.RUNTIME_PORT);
        assertThat(service.getMetadata().getName()).isEqualTo("newdeploy-hello-default");
        assertThat(service.getSpec().getSelector()).containsEntry("functionName", "hello");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getIntVal()).isEqualTo(8888);
        });
    }

    private static Container runtime(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(PodContract.RUNTIME_CONTAINER)).findFirst().orElseThrow();
    }
}
