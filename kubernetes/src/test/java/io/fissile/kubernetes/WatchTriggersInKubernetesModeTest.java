package io.fissile.kubernetes;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import io.fissile.triggers.FunctionInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kubernetes mode as deployed: two replicas, triggers stored as KubernetesWatchTrigger custom
 * resources, the watch triggers run by the elected leader only. Each event reaches the function
 * once; when the leader goes, the other replica carries on.
 */
class WatchTriggersInKubernetesModeTest {
    private static final Path CRD = Path.of("..", "deploy", "crds", "kuberneteswatchtriggers.yaml");
    // Quick retries keep the test short; a long renew deadline keeps a busy machine from losing the lease by accident.
    private static final LeaseTimings FAST = new LeaseTimings(Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofMillis(250));
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One Fissile replica: its own client, store on the CRDs, trigger informer and leader election. */
    private static final class Replica implements AutoCloseable {
        final KubernetesClient client;
        final ResourceStore store;
        final Informer<KubernetesWatchTrigger> triggers;
        final LeaderOnly kubewatcher;

        Replica(MockCluster cluster, String name, FunctionInvoker invoker) {
            client = cluster.newClient();
            store = KubernetesStores.open(client, KubernetesStoreOptions.sharedClient());
            triggers = Informer.start(store, Kinds.KUBERNETES_WATCH_TRIGGER);
            kubewatcher = LeaderOnly.start(client, "default", "fissile-kubewatcher", name, FAST,
                    () -> KubernetesWatchTriggers.start(client, triggers, invoker));
        }

        @Override
        public void close() {
            kubewatcher.close();
            triggers.close();
            store.close();
            client.close();
        }
    }

    MockCluster cluster;
    FunctionStandIn functions;
    Replica a;
    Replica b;

    @BeforeEach
    void start() throws IOException {
        cluster = new MockCluster();
        try (InputStream crd = Files.newInputStream(CRD)) {
            cluster.client().apiextensions().v1().customResourceDefinitions()
                    .resource(cluster.client().apiextensions().v1().customResourceDefinitions().load(crd).item()).create();
        }
        functions = new FunctionStandIn();
        FunctionInvoker invoker = new FunctionInvoker(functions.url());
        a = new Replica(cluster, "replica-a", invoker);
        b = new Replica(cluster, "replica-b", invoker);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        functions.close();
        cluster.close();
    }

    @Test
    void eachEventReachesTheFunctionOnceAndTheOtherReplicaTakesOver() throws Exception {
        KubernetesWatchTrigger trigger = Kinds.KUBERNETES_WATCH_TRIGGER.create("default", "web-pods");
        trigger.spec().namespace("default").type("pod").labelSelector(Map.of("app", "web"))
                .functionRef(FunctionReference.byName("on-pod"));
        a.store.create(trigger);
        await().atMost(WAIT).until(() -> a.kubewatcher.leading() || b.kubewatcher.leading());

        createPod("web-1");
        createPod("web-2");
        await().atMost(WAIT).until(() -> functions.callsTo("on-pod").size() >= 2);
        Thread.sleep(1000); // time enough for a duplicate from a second replica to show up
        assertThat(functions.callsTo("on-pod")).extracting(c -> c.eventType() + " " + podName(c))
                .containsExactly("ADDED web-1", "ADDED web-2");

        Replica leader = a.kubewatcher.leading() ? a : b;
        Replica follower = leader == a ? b : a;
        leader.close();
        await().atMost(WAIT).until(follower.kubewatcher::leading);

        createPod("web-3");
        await().atMost(WAIT).untilAsserted(() -> assertThat(functions.callsTo("on-pod"))
                .extracting(c -> c.eventType() + " " + podName(c)).contains("ADDED web-3"));
        // The new leader's fresh watch reports the pods already there once more, as Fission's restarted kubewatcher does.
        assertThat(functions.callsTo("on-pod")).extracting(this::podName).containsOnly("web-1", "web-2", "web-3");
    }

    private void createPod(String name) {
        cluster.client().pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(name).withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("example/app").endContainer().endSpec()
                .build()).create();
    }

    private String podName(FunctionStandIn.Call call) {
        return cluster.client().getKubernetesSerialization()
                .unmarshal(call.body(), io.fabric8.kubernetes.api.model.Pod.class).getMetadata().getName();
    }
}
