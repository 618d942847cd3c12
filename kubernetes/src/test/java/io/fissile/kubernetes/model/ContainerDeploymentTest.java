package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.PodSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerDeploymentTest {

    @Test
    void runsTheUsersImageAndCommandOnItsPortWithoutAFetcher() {
        Function function = ModelFixtures.function("web");
        function.spec().podSpec(PodSpec.of(new io.fissile.api.v1.Container().image("example/web:1")
                .command(List.of("/srv/web")).args(List.of("--port", "$(PORT)")).ports(List.of(ContainerPort.http(9000)))));
        Deployment deployment = ContainerDeployment.of(function, 1);
        assertThat(deployment.getMetadata().getName()).isEqualTo("container-web-default");
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("executorType", "container");
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        assertThat(container.getImage()).isEqualTo("example/web:1");
        assertThat(container.getCommand()).containsExactly("/srv/web");
        assertThat(container.getArgs()).containsExactly("--port", "$(PORT)");
        assertThat(container.getPorts()).singleElement().satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(9000));
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(org.assertj.core.groups.Tuple.tuple("PORT", "9000"));
    }

    @Test
    void aContainerWithoutAnImageIsRefusedNamingTheField() {
        Function function = ModelFixtures.function("noimage");
        function.spec().podSpec(PodSpec.of(new io.fissile.api.v1.Container().command(List.of("run"))));
        assertThatThrownBy(() -> ContainerDeployment.of(function, 1)).hasMessageContaining("spec.podspec.containers[0].image");
    }
}
