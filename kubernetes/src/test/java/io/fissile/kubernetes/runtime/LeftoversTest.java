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

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new runtime removes what executors that ended left behind: its own earlier claims and those of
 * executors whose pod is gone, never a live executor's, nor pools.
 */
@EnableKubernetesMockClient(crud = true)
class LeftoversTest {

    private static final String EXECUTORS = "fissile";

    KubernetesClient client;

    @Test
    void claimsOfThisIdentityAndOfGoneExecutorsGoWhileLiveExecutorsPodsAndPoolsStay() {
        Environment environment = new Environment();
        environment.metadata().namespace("default").name("nodejs");
        environment.spec().version(3).poolsize(2).runtime(new Runtime().image("fission/node-env"));
        Function function = new Function();
        function.metadata().namespace("default").name("hello");
        ImageNames images = new ImageNames("fissile", "1");
        client.apps().deployments().inNamespace("default").resource(PoolDeployment.of(environment, images)).create();
        client.apps().deployments().inNamespace("default").resource(FunctionDeployment.of(function, environment, images, 3)).create();
        executorPod("executor-live");
        pod("mine", taken("executor-me"));
        pod("live-owned", taken("executor-live"));
        pod("gone-owned", taken("executor-gone"));
        pod("old-version", Map.of(PodLabels.MANAGED_BY, PodLabels.FISSILE, PodLabels.MANAGED, "false"));
        pod("in-pool", Map.of(PodLabels.MANAGED_BY, PodLabels.FISSILE, PodLabels.MANAGED, "true"));
        pod("not-ours", Map.of(PodLabels.MANAGED, "false"));
        pod("fn-gone", functionPod(function, environment, "executor-gone"));
        pod("fn-live", functionPod(function, environment, "executor-live"));

        Leftovers.remove(client, "executor-me", EXECUTORS, new FunctionDeployments(client, images));

        assertThat(client.pods().inNamespace("default").list().getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("live-owned", "in-pool", "not-ours", "fn-live");
        // One replica fewer for the one leftover pod of the function, not zero: the live executor's stays.
        assertThat(client.apps().deployments().inNamespace("default").withName(FunctionDeployment.name(function)).get()
                .getSpec().getReplicas()).isEqualTo(2);
        assertThat(client.apps().deployments().inNamespace("default").withName(PoolDeployment.name(environment)).get()
                .getSpec().getReplicas()).isEqualTo(2);
    }

    private static Map<String, String> taken(String executor) {
        return Map.of(PodLabels.MANAGED_BY, PodLabels.FISSILE, PodLabels.MANAGED, "false", PodLabels.EXECUTOR, executor);
    }

    private static Map<String, String> functionPod(Function function, Environment environment, String executor) {
        Map<String, String> labels = new HashMap<>(PodLabels.function(function, FunctionDeployment.NEWDEPLOY, environment));
        labels.put(PodLabels.EXECUTOR, executor);
        return labels;
    }

    private void executorPod(String name) {
        client.pods().inNamespace(EXECUTORS).resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace(EXECUTORS).endMetadata().build()).create();
    }

    private void pod(String name, Map<String, String> labels) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("x").endContainer().endSpec().build();
        client.pods().inNamespace("default").resource(pod).create();
    }
}
