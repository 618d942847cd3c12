package io.fissile.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.kubernetes.watch.WatchTriggerReconciler;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.fissile.store.sqlite.SqliteStoreOptions;
import io.fissile.triggers.FunctionInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Watch triggers against fabric8's mock API server (CRUD mode), calling a real HTTP endpoint. */
class KubernetesWatchTriggersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    MockCluster cluster;
    KubernetesClient kube;
    SqliteResourceStore store;
    Informer<KubernetesWatchTrigger> triggers;
    FunctionStandIn functions;
    AutoCloseable watching;

    @BeforeEach
    void start() throws Exception {
        cluster = new MockCluster();
        kube = cluster.client();
        store = SqliteResourceStore.open(directory.resolve("store.db"), SqliteStoreOptions.defaults());
        triggers = Informer.start(store, Kinds.KUBERNETES_WATCH_TRIGGER);
        functions = new FunctionStandIn();
        watching = KubernetesWatchTriggers.start(kube, triggers, new FunctionInvoker(functions.url()),
                new WatchDeliveryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() throws Exception {
        watching.close();
        functions.close();
        triggers.close();
        store.close();
        cluster.close();
    }

    @Test
    void aPodTriggerHearsAddedModifiedAndDeletedForMatchingPodsOnly() {
        // "pod" in lower case, as the CLI writes it by default.
        createTrigger("web-pods", "pod", Map.of("app", "web"), "on-pod");

        kube.pods().inNamespace("default").resource(pod("web-1", Map.of("app", "web"))).create();
        kube.pods().inNamespace("default").resource(pod("db-1", Map.of("app", "db"))).create();

        await().atMost(WAIT).until(() -> !functions.callsTo("on-pod").isEmpty());
        FunctionStandIn.Call added = functions.callsTo("on-pod").getFirst();
        assertThat(added.method()).isEqualTo("POST");
        assertThat(added.eventType()).isEqualTo("ADDED");
        assertThat(added.objectType()).isEqualTo("Pod");
        assertThat(added.contentType()).isEqualTo("application/json");
        GenericKubernetesResource body = parse(added.body());
        assertThat(body.getKind()).isEqualTo("Pod");
        assertThat(body.getMetadata().getName()).isEqualTo("web-1");
        assertThat(body.getMetadata().getLabels()).containsEntry("app", "web");

        kube.pods().inNamespace("default").withName("web-1").edit(p -> new PodBuilder(p)
                .editMetadata().addToLabels("version", "2").endMetadata().build());
        kube.pods().inNamespace("default").withName("db-1").edit(p -> new PodBuilder(p)
                .editMetadata().addToLabels("version", "2").endMetadata().build());
        kube.pods().inNamespace("default").withName("web-1").editStatus(p -> new PodBuilder(p)
                .withNewStatus().withPhase("Running").endStatus().build());
        kube.pods().inNamespace("default").withName("web-1").delete();

        await().atMost(WAIT).until(() -> functions.callsTo("on-pod").size() >= 4);
        List<FunctionStandIn.Call> calls = functions.callsTo("on-pod");
        // One informer delivers in order, so a db-1 event would have come before web-1's deletion.
        assertThat(calls).extracting(FunctionStandIn.Call::eventType).containsExactly("ADDED", "MODIFIED", "MODIFIED", "DELETED");
        assertThat(calls).extracting(c -> parse(c.body()).getMetadata().getName()).containsOnly("web-1");
        assertThat(parse(calls.get(1).body()).getMetadata().getLabels()).containsEntry("version", "2");
        assertThat(kube.getKubernetesSerialization().unmarshal(calls.get(2).body(), Pod.class).getStatus().getPhase())
                .isEqualTo("Running");
        assertThat(calls).extracting(FunctionStandIn.Call::objectType).containsOnly("Pod");
    }

    @Test
    void aPodLabelledIntoOrOutOfTheSelectionIsAddedOrDeleted() {
        createTrigger("web-pods", "POD", Map.of("app", "web"), "on-pod");
        kube.pods().inNamespace("default").resource(pod("p", Map.of("app", "other"))).create();
        kube.pods().inNamespace("default").withName("p").edit(p -> new PodBuilder(p)
                .editMetadata().addToLabels("app", "web").endMetadata().build());
        kube.pods().inNamespace("default").withName("p").edit(p -> new PodBuilder(p)
                .editMetadata().addToLabels("app", "gone").endMetadata().build());

        await().atMost(WAIT).until(() -> functions.callsTo("on-pod").size() >= 2);
        assertThat(functions.callsTo("on-pod")).extracting(FunctionStandIn.Call::eventType).containsExactly("ADDED", "DELETED");
    }

    @Test
    void aNewTriggerHearsTheMatchingObjectsAlreadyThere() {
        kube.pods().inNamespace("default").resource(pod("early", Map.of("app", "web"))).create();
        createTrigger("web-pods", "POD", Map.of("app", "web"), "on-pod");

        await().atMost(WAIT).untilAsserted(() -> assertThat(functions.callsTo("on-pod"))
                .extracting(c -> c.eventType() + " " + parse(c.body()).getMetadata().getName())
                .containsExactly("ADDED early"));
    }

    @Test
    void deletingTheTriggerStopsItsEvents() throws Exception {
        createTrigger("web-pods", "POD", Map.of("app", "web"), "on-pod");
        // A second trigger on every pod tells when an event has gone round.
        createTrigger("all-pods", "POD", null, "marker");
        kube.pods().inNamespace("default").resource(pod("first", Map.of("app", "web"))).create();
        await().atMost(WAIT).until(() -> functions.callsTo("on-pod").size() == 1 && functions.callsTo("marker").size() == 1);

        deleteTriggerAndWait("web-pods");
        kube.pods().inNamespace("default").resource(pod("second", Map.of("app", "web"))).create();

        await().atMost(WAIT).until(() -> functions.callsTo("marker").size() == 2);
        assertThat(functions.callsTo("on-pod")).hasSize(1);
        assertThat(parse(functions.callsTo("marker").get(1).body()).getMetadata().getName()).isEqualTo("second");
    }

    @Test
    void changingTheTriggersFunctionSendsLaterEventsToTheNewOne() {
        createTrigger("web-pods", "POD", Map.of("app", "web"), "old-fn");
        KubernetesWatchTrigger stored = store.get(Kinds.KUBERNETES_WATCH_TRIGGER, "default", "web-pods").orElseThrow();
        stored.spec().functionRef(FunctionReference.byName("new-fn"));
        store.update(stored);
        await().atMost(WAIT).until(() -> triggers.get("default", "web-pods")
                .map(t -> t.spec().functionRef().name().equals("new-fn")).orElse(false));

        kube.pods().inNamespace("default").resource(pod("web-1", Map.of("app", "web"))).create();

        await().atMost(WAIT).until(() -> functions.callsTo("new-fn").size() == 1);
        assertThat(functions.callsTo("old-fn")).isEmpty();
    }

    @Test
    void aServiceTriggerHearsServices() {
        createTrigger("web-services", "service", Map.of("app", "web"), "on-service");
        kube.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("web").withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
        kube.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("db").withLabels(Map.of("app", "db")).endMetadata()
                .withNewSpec().addNewPort().withPort(5432).endPort().endSpec().build()).create();
        kube.services().inNamespace("default").withName("web").delete();

        await().atMost(WAIT).until(() -> functions.callsTo("on-service").size() >= 2);
        assertThat(functions.callsTo("on-service"))
                .extracting(c -> c.eventType() + " " + c.objectType() + " " + parse(c.body()).getMetadata().getName())
                .containsExactly("ADDED Service web", "DELETED Service web");
    }

    @Test
    void aJobTriggerHearsJobs() {
        createTrigger("batch", "JOB", Map.of("team", "data"), "on-job");
        kube.batch().v1().jobs().inNamespace("default").resource(new JobBuilder()
                .withNewMetadata().withName("nightly").withLabels(Map.of("team", "data")).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("main").withImage("example/etl")
                .endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec().build()).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(functions.callsTo("on-job"))
                .extracting(c -> c.eventType() + " " + c.objectType() + " " + parse(c.body()).getMetadata().getName())
                .containsExactly("ADDED Job nightly"));
    }

    @Test
    void aFailingFunctionDoesNotStopTheWatch() {
        createTrigger("web-pods", "POD", Map.of("app", "web"), "on-pod");
        functions.failNext(1);
        kube.pods().inNamespace("default").resource(pod("a", Map.of("app", "web"))).create();
        kube.pods().inNamespace("default").resource(pod("b", Map.of("app", "web"))).create();

        // A function's error answer is final (as in Fission): "a" is not sent again, "b" still arrives.
        await().atMost(WAIT).until(() -> functions.callsTo("on-pod").size() >= 2);
        assertThat(functions.callsTo("on-pod")).extracting(c -> parse(c.body()).getMetadata().getName())
                .containsExactly("a", "b");
    }

    @Test
    void anUnreachableRouterIsRetriedAndEventsStillArriveInOrder() throws Exception {
        watching.close();
        FunctionStandIn later = new FunctionStandIn();
        int port = later.url().getPort();
        later.close(); // nothing listens on the port for now
        watching = KubernetesWatchTriggers.start(kube, triggers, new FunctionInvoker(later.url()),
                new WatchDeliveryPolicy(20, Duration.ofMillis(100), Duration.ofSeconds(10)));
        createTrigger("web-pods", "POD", Map.of("app", "web"), "on-pod");
        kube.pods().inNamespace("default").resource(pod("a", Map.of("app", "web"))).create();
        kube.pods().inNamespace("default").resource(pod("b", Map.of("app", "web"))).create();
        Thread.sleep(300);

        try (FunctionStandIn router = FunctionStandIn.on(port)) {
            await().atMost(WAIT).until(() -> router.callsTo("on-pod").size() >= 2);
            assertThat(router.callsTo("on-pod")).extracting(c -> parse(c.body()).getMetadata().getName())
                    .containsExactly("a", "b");
        }
    }

    @Test
    void triggersOnTheSameNamespaceAndTypeShareOneWatch() throws Exception {
        WatchTriggerReconciler reconciler = (WatchTriggerReconciler) watching;
        createTrigger("t1", "POD", Map.of("app", "a"), "f1");
        createTrigger("t2", "pod", Map.of("app", "b"), "f2");
        createTrigger("t3", "JOB", null, "f3");
        await().atMost(WAIT).until(() -> triggers.list().size() == 3);
        await().atMost(WAIT).until(() -> reconciler.runningInformers() == 2);

        deleteTriggerAndWait("t1");
        assertThat(reconciler.runningInformers()).isEqualTo(2);
        deleteTriggerAndWait("t2");
        deleteTriggerAndWait("t3");
        assertThat(reconciler.runningInformers()).isZero();
    }

    private void createTrigger(String name, String type, Map<String, String> labels, String function) {
        KubernetesWatchTrigger trigger = Kinds.KUBERNETES_WATCH_TRIGGER.create("default", name);
        trigger.spec().namespace("default").type(type).labelSelector(labels).functionRef(FunctionReference.byName(function));
        store.create(trigger);
        await().atMost(WAIT).until(() -> triggers.get("default", name).isPresent());
    }

    /** Deletes a trigger and returns once the watch triggers have let go of it. */
    private void deleteTriggerAndWait(String name) throws InterruptedException {
        CountDownLatch heard = new CountDownLatch(1);
        // Listeners hear a change one after another, in the order added: when this one hears the
        // deletion, the watch triggers (added before) have finished handling it.
        InformerListener<KubernetesWatchTrigger> after = new InformerListener<>() {
            @Override
            public void onDelete(KubernetesWatchTrigger last) {
                if (last.name().equals(name)) heard.countDown();
            }
        };
        triggers.addListener(after);
        try {
            store.delete(Kinds.KUBERNETES_WATCH_TRIGGER, "default", name);
            assertThat(heard.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            triggers.removeListener(after);
        }
    }

    private GenericKubernetesResource parse(String json) {
        return kube.getKubernetesSerialization().unmarshal(json, GenericKubernetesResource.class);
    }

    private static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("example/app").endContainer().endSpec()
                .build();
    }
}
