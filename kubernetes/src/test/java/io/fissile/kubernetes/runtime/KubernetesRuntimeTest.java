package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fissile.api.Resource;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Container;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.EnvVar;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.PodSpec;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Runtime;
import io.fissile.api.v1.Secret;
import io.fissile.executor.ExecutorOptions;
import io.fissile.executor.FunctionExecutors;
import io.fissile.executor.Lease;
import io.fissile.kubernetes.KubernetesRuntimeOptions;
import io.fissile.kubernetes.kubelet.TestKubelet;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.PodContract;
import io.fissile.kubernetes.model.PodLabels;
import io.fissile.kubernetes.model.PoolDeployment;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.sqlite.SqliteResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executor on the Kubernetes runtime, end to end against the mock API server and the test
 * kubelet: functions are served by pods, packages reach them through their fetchers.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesRuntimeTest {

    private static final Path RUNTIMES = Path.of("target", "kubelet-runtimes").toAbsolutePath();
    private static final String HELLO = "module.exports = async (context) => ({ status: 200, body: 'hello ' + context.request.body });\n";

    KubernetesClient client;
    @TempDir
    Path dir;

    private SqliteResourceStore store;
    private Informer<Environment> environments;
    private Informer<Package> packages;
    private Informer<Function> functions;
    private Informer<Secret> secrets;
    private TestKubelet kubelet;
    private KubernetesInstanceRuntime runtime;
    private FunctionExecutors executor;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        store = SqliteResourceStore.open(dir.resolve("store.db"));
        environments = Informer.start(store, Kinds.ENVIRONMENT);
        packages = Informer.start(store, Kinds.PACKAGE);
        functions = Informer.start(store, Kinds.FUNCTION);
        secrets = Informer.start(store, Kinds.SECRET);
        kubelet = new TestKubelet(client, RUNTIMES, dir.resolve("kubelet"));
        runtime = KubernetesInstanceRuntime.create(KubernetesRuntimeOptions.of(client, "")
                .withStartTimeout(Duration.ofSeconds(90)), environments);
        executor = FunctionExecutors.start(ExecutorOptions.defaults(dir.resolve("executor")), runtime, environments,
                packages, functions, FileArchiveStore.open(dir.resolve("archives")), secrets, null);
        Environment nodejs = new Environment();
        nodejs.metadata().namespace("default").name("nodejs");
        nodejs.spec().version(3).poolsize(2).runtime(new Runtime().image("fission/node-env"));
        create(nodejs, environments);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (executor != null) executor.close();
        // Closing watches while the mock API server still sends events can stall it.
        if (kubelet != null) kubelet.awaitSettled(Duration.ofSeconds(60));
        if (runtime != null) runtime.close();
        if (kubelet != null) kubelet.close();
        if (store != null) store.close();
    }

    @Test
    void aPoolmgrRequestReachesAPodTakenOutOfThePoolWhichIsRefilled() throws Exception {
        pkg("hello", HELLO);
        Function function = function("hello", "hello", spec -> spec);

        Lease lease = executor.acquire(function).get(120, TimeUnit.SECONDS);
        try {
            assertThat(post(lease, "kube")).isEqualTo("hello kube");
        } finally {
            lease.release();
        }

        List<Pod> specialized = client.pods().inNamespace("default")
                .withLabel(PodLabels.FUNCTION_NAME, "hello").withLabel(PodLabels.MANAGED, "false").list().getItems();
        assertThat(specialized).hasSize(1);
        assertThat(specialized.getFirst().getStatus().getPodIP()).isEqualTo(lease.address().getHostString());
        assertThat(lease.address().getPort()).isEqualTo(PodContract.RUNTIME_PORT);
        Deployment pool = client.apps().deployments().inNamespace("default").withName("poolmgr-nodejs-default").get();
        assertThat(pool).isNotNull();
        assertThat(pool.getSpec().getSelector().getMatchLabels()).containsEntry(PodLabels.MANAGED, "true");
        // The Deployment starts a pod in place of the one taken; it becomes ready for the next function.
        await().atMost(Duration.ofSeconds(60)).until(() -> readyPods(Map.of(PodLabels.ENVIRONMENT_NAME, "nodejs",
                PodLabels.MANAGED, "true")) == 2);
    }

    @Test
    void aNewdeployFunctionsDeploymentScalesUpUnderConcurrentLoad() throws Exception {
        pkg("slow", "module.exports = async (context) => { await new Promise(r => setTimeout(r, 1500));"
                + " return { status: 200, body: 'slow ' + context.request.body }; };\n");
        Function function = function("slow", "slow", spec -> {
            spec.invokeStrategy().executionStrategy().executorType(ExecutionStrategy.NEWDEPLOY).minScale(1).maxScale(3);
            return spec;
        });
        String deployment = FunctionDeployment.name(function);
        await().atMost(Duration.ofSeconds(90)).until(() -> replicas(deployment) >= 1
                && readyPods(Map.of(PodLabels.FUNCTION_NAME, "slow")) >= 1);

        AtomicInteger answered = new AtomicInteger();
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.runAsync(() -> {
                try {
                    Lease lease = executor.acquire(function).get(120, TimeUnit.SECONDS);
                    try {
                        if (post(lease, "x").equals("slow x")) answered.incrementAndGet();
                    } finally {
                        lease.release();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);

        assertThat(answered).hasValue(6);
        assertThat(replicas(deployment)).isGreaterThan(1).isLessThanOrEqualTo(3);
        assertThat(client.services().inNamespace("default").withName(deployment).get()).isNotNull();
    }

    @Test
    void aSecretIsReadableByAPoolFunctionAndANewdeployFunction() throws Exception {
        Secret secret = new Secret().data("password", "s3cret".getBytes(StandardCharsets.UTF_8));
        secret.metadata().namespace("default").name("db");
        create(secret, secrets);
        // In Kubernetes mode the store keeps a Secret as the cluster's own.
        client.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName("db")
                .withNamespace("default").endMetadata().addToStringData("password", "s3cret").build()).create();
        pkg("reader", "const fs = require('fs');\nmodule.exports = async () => ({ status: 200,"
                + " body: fs.readFileSync(process.env.SECRETS_DIR + '/default/db/password', 'utf8') });\n");
        Function pooled = function("pooled", "reader", spec -> spec.secrets(List.of(Reference.to("db"))));
        Function dedicated = function("dedicated", "reader", spec -> {
            spec.secrets(List.of(Reference.to("db")));
            spec.invokeStrategy().executionStrategy().executorType(ExecutionStrategy.NEWDEPLOY).minScale(0).maxScale(1);
            return spec;
        });

        for (Function function : List.of(pooled, dedicated)) {
            Lease lease = executor.acquire(function).get(120, TimeUnit.SECONDS);
            try {
                assertThat(post(lease, "")).as(function.name()).isEqualTo("s3cret");
            } finally {
                lease.release();
            }
        }
        Deployment own = client.apps().deployments().inNamespace("default").withName(FunctionDeployment.name(dedicated)).get();
        assertThat(own.getSpec().getTemplate().getSpec().getContainers().getFirst().getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/secrets/default/db"));
    }

    @Test
    void aContainerFunctionRunsItsOwnContainerInADeploymentOfItsOwn() throws Exception {
        Function function = new Function();
        function.metadata().namespace("default").name("web");
        function.spec().invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION)
                        .executionStrategy(new ExecutionStrategy().executorType(ExecutionStrategy.CONTAINER).minScale(0).maxScale(1)))
                .podSpec(PodSpec.of(new Container().image("example/greeter:1")
                        .command(List.of("node", "-e", "require('http').createServer((q, s) => s.end('container '"
                                + " + process.env.GREETING)).listen(Number(process.env.PORT), process.env.HOST)"))
                        .env(List.of(EnvVar.of("GREETING", "hi"))).ports(List.of(ContainerPort.http(9000)))));
        function = create(function, functions);

        Lease lease = executor.acquire(function).get(120, TimeUnit.SECONDS);
        try {
            assertThat(post(lease, "")).isEqualTo("container hi");
            assertThat(lease.address().getPort()).isEqualTo(9000);
        } finally {
            lease.release();
        }
        Deployment own = client.apps().deployments().inNamespace("default").withName("container-web-default").get();
        assertThat(own.getSpec().getTemplate().getSpec().getContainers()).singleElement()
                .satisfies(container -> assertThat(container.getImage()).isEqualTo("example/greeter:1"));
    }

    // ---- helpers

    private String post(Lease lease, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://"
                        + lease.address().getHostString() + ":" + lease.address().getPort() + "/"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private long readyPods(Map<String, String> labels) {
        return client.pods().inNamespace("default").withLabels(labels).list().getItems().stream()
                .filter(PodWatch::ready).count();
    }

    private int replicas(String deployment) {
        Deployment found = client.apps().deployments().inNamespace("default").withName(deployment).get();
        return found == null || found.getSpec().getReplicas() == null ? 0 : found.getSpec().getReplicas();
    }

    private void pkg(String name, String code) {
        Package pkg = new Package();
        pkg.metadata().namespace("default").name(name);
        pkg.spec().deployment(Archive.ofLiteral(code.getBytes(StandardCharsets.UTF_8)));
        create(pkg, packages);
    }

    private Function function(String name, String pkg, UnaryOperator<FunctionSpec> tweak) {
        Function function = new Function();
        function.metadata().namespace("default").name(name);
        FunctionSpec spec = function.spec()
                .environment(Reference.to("nodejs"))
                .packageRef(new FunctionPackageRef().packageRef(new PackageRef().name(pkg)).functionName(""))
                .invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION)
                        .executionStrategy(new ExecutionStrategy().executorType(ExecutionStrategy.POOLMGR)));
        tweak.apply(spec);
        return create(function, functions);
    }

    private <R extends Resource<?, ?>> R create(R resource, Informer<R> informer) {
        R created = store.create(resource);
        await().atMost(Duration.ofSeconds(10)).until(() -> informer.get(created.namespace(), created.name())
                .map(seen -> Objects.equals(seen.metadata().resourceVersion(), created.metadata().resourceVersion()))
                .orElse(false));
        return created;
    }
}
