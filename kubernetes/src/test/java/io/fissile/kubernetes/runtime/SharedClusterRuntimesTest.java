package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Runtime;
import io.fissile.kubernetes.KubernetesRuntimeOptions;
import io.fissile.kubernetes.kubelet.TestKubelet;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.PodLabels;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.store.Informer;
import io.fissile.store.sqlite.SqliteResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several executors (the chart's replicas), each with its own runtime, on one cluster: they never
 * share a pod, a starting one leaves live ones' pods alone, and a function's replicas add up.
 */
@EnableKubernetesMockClient(crud = true)
class SharedClusterRuntimesTest {

    private static final Path RUNTIMES = Path.of("target", "kubelet-runtimes").toAbsolutePath();
    private static final String EXECUTORS = "fissile";
    private static final InstanceSpec NODEJS = InstanceSpec.of("default", "nodejs", "fission/node-env");

    KubernetesClient client;
    @TempDir
    Path dir;

    private SqliteResourceStore store;
    private Informer<Environment> environments;
    private TestKubelet kubelet;
    private final List<KubernetesInstanceRuntime> runtimes = new ArrayList<>();

    @BeforeEach
    void start() {
        store = SqliteResourceStore.open(dir.resolve("store.db"));
        environments = Informer.start(store, Kinds.ENVIRONMENT);
        kubelet = new TestKubelet(client, RUNTIMES, dir.resolve("kubelet"));
        Environment nodejs = new Environment();
        nodejs.metadata().namespace("default").name("nodejs");
        nodejs.spec().version(3).poolsize(2).runtime(new Runtime().image("fission/node-env"));
        Environment created = store.create(nodejs);
        await().atMost(Duration.ofSeconds(10)).until(() -> environments.get("default", "nodejs")
                .map(seen -> seen.metadata().resourceVersion().equals(created.metadata().resourceVersion())).orElse(false));
    }

    @AfterEach
    void stop() throws InterruptedException {
        // Let the instances' pods go and the pools settle before the runtimes' watches close.
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        runtimes.forEach(runtime -> runtime.instances().forEach(instance -> stops.add(instance.stop(Duration.ZERO))));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        kubelet.awaitSettled(Duration.ofSeconds(60));
        runtimes.forEach(KubernetesInstanceRuntime::close);
        if (kubelet != null) kubelet.close();
        if (store != null) store.close();
    }

    @Test
    void concurrentStartsForOneEnvironmentNeverGetTheSamePod() throws Exception {
        KubernetesInstanceRuntime a = runtime("executor-a");
        KubernetesInstanceRuntime b = runtime("executor-b");
        List<CompletableFuture<Instance>> fromA = new ArrayList<>();
        List<CompletableFuture<Instance>> fromB = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fromA.add(a.start(NODEJS));
            fromB.add(b.start(NODEJS));
        }

        List<String> claimed = new ArrayList<>();
        for (CompletableFuture<Instance> start : fromA) claimed.add(assertClaimedBy(start, "executor-a"));
        for (CompletableFuture<Instance> start : fromB) claimed.add(assertClaimedBy(start, "executor-b"));
        assertThat(claimed).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aStartingRuntimeRemovesOnlyThePodsOfExecutorsWhosePodIsGone() throws Exception {
        KubernetesInstanceRuntime a = runtime("executor-a");
        KubernetesInstanceRuntime b = runtime("executor-b");
        Instance ofA = a.start(NODEJS).get(120, TimeUnit.SECONDS);
        Instance ofB = b.start(NODEJS).get(120, TimeUnit.SECONDS);
        // executor-a's pod runs in the executors' namespace; executor-b's does not (any more).
        client.pods().inNamespace(EXECUTORS).resource(new PodBuilder().withNewMetadata().withName("executor-a")
                .withNamespace(EXECUTORS).endMetadata().withNewSpec().endSpec().build()).create();

        runtime("executor-c");

        assertThat(client.pods().inNamespace("default").withName(ofA.id()).get()).as("a live executor's pod").isNotNull();
        assertThat(client.pods().inNamespace("default").withName(ofB.id()).get()).as("a gone executor's pod").isNull();
        ofB.exited().get(30, TimeUnit.SECONDS);
        assertThat(ofA.isAlive()).isTrue();
    }

    @Test
    void twoRuntimesScalingOneNewdeployFunctionAddUpTheirInstances() throws Exception {
        KubernetesInstanceRuntime a = runtime("executor-a");
        KubernetesInstanceRuntime b = runtime("executor-b");
        Function function = newdeploy("shared");
        List<CompletableFuture<Instance>> starts = List.of(a.startFor(function, NODEJS), b.startFor(function, NODEJS),
                a.startFor(function, NODEJS));
        List<Instance> instances = new ArrayList<>();
        for (CompletableFuture<Instance> start : starts) instances.add(start.get(150, TimeUnit.SECONDS));

        String deployment = FunctionDeployment.name(function);
        assertThat(replicas(deployment)).isEqualTo(3);
        assertThat(instances).extracting(Instance::id).doesNotHaveDuplicates();
        assertThat(labelOf(instances.get(0))).isEqualTo("executor-a");
        assertThat(labelOf(instances.get(1))).isEqualTo("executor-b");

        instances.get(1).stop(Duration.ZERO).get(30, TimeUnit.SECONDS);
        assertThat(replicas(deployment)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().inNamespace("default")
                .withLabel(PodLabels.FUNCTION_NAME, "shared").list().getItems().size() == 2);
    }

    // ---- helpers

    private KubernetesInstanceRuntime runtime(String identity) {
        KubernetesInstanceRuntime runtime = KubernetesInstanceRuntime.create(KubernetesRuntimeOptions.of(client, "")
                .withStartTimeout(Duration.ofSeconds(120)).withIdentity(identity).withNamespace(EXECUTORS), environments);
        runtimes.add(runtime);
        return runtime;
    }

    /** The pod's name, after checking that it carries this executor's claim. */
    private String assertClaimedBy(CompletableFuture<Instance> start, String identity) throws Exception {
        Instance instance = start.get(150, TimeUnit.SECONDS);
        assertThat(labelOf(instance)).as(instance.id()).isEqualTo(identity);
        return instance.id();
    }

    private String labelOf(Instance instance) {
        Pod pod = client.pods().inNamespace("default").withName(instance.id()).get();
        return pod.getMetadata().getLabels().get(PodLabels.EXECUTOR);
    }

    private int replicas(String deployment) {
        Deployment found = client.apps().deployments().inNamespace("default").withName(deployment).get();
        return found == null || found.getSpec().getReplicas() == null ? 0 : found.getSpec().getReplicas();
    }

    private static Function newdeploy(String name) {
        Function function = new Function();
        function.metadata().namespace("default").name(name);
        function.spec().environment(Reference.to("nodejs"))
                .packageRef(new FunctionPackageRef().packageRef(new PackageRef().name(name)).functionName(""))
                .invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION)
                        .executionStrategy(new ExecutionStrategy().executorType(ExecutionStrategy.NEWDEPLOY)));
        return function;
    }
}
