package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Runtime;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.ImageNames;
import io.fissile.kubernetes.model.PodLabels;
import io.fissile.kubernetes.model.PoolDeployment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new runtime removes what an executor that crashed left behind, and nothing else. */
@EnableKubernetesMockClient(crud = true)
class LeftoversTest {

    KubernetesClient client;

    @Test
    void podsTakenFromPoolsGoAndFunctionDeploymentsDropToZeroWhilePoolsStay() {
        Environment environment = new Environment();
        environment.metadata().namespace("default").name("nodejs");
        environment.spec().version(3).poolsize(2).runtime(new Runtime().image("fission/node-env"));
        Function function = new Function();
        function.metadata().namespace("default").name("hello");
        ImageNames images = new ImageNames("fissile", "1");
        client.apps().deployments().inNamespace("default").resource(PoolDeployment.of(environment, images)).create();
        client.apps().deployments().inNamespace("default").resource(FunctionDeployment.of(function, environment, images, 3)).create();
        pod("taken", Map.of(PodLabels.MANAGED_BY, PodLabels.FISSILE, PodLabels.MANAGED, "false"));
        pod("in-pool", Map.of(PodLabels.MANAGED_BY, PodLabels.FISSILE, PodLabels.MANAGED, "true"));
        pod("not-ours", Map.of(PodLabels.MANAGED, "false"));

        Leftovers.remove(client);

        assertThat(client.pods().inNamespace("default").list().getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("in-pool", "not-ours");
        assertThat(client.apps().deployments().inNamespace("default").withName(FunctionDeployment.name(function)).get()
                .getSpec().getReplicas()).isZero();
        assertThat(client.apps().deployments().inNamespace("default").withName(PoolDeployment.name(environment)).get()
                .getSpec().getReplicas()).isEqualTo(2);
    }

    private void pod(String name, Map<String, String> labels) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("x").endContainer().endSpec().build();
        client.pods().inNamespace("default").resource(pod).create();
    }
}
