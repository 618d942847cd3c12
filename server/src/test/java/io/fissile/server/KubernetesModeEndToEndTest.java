package io.fissile.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fissile.cli.CliContext;
import io.fissile.cli.FissileCli;
import io.fissile.kubernetes.kubelet.TestKubelet;
import io.fissile.kubernetes.model.ImageNames;
import io.fissile.kubernetes.model.PodLabels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path in Kubernetes mode: {@code fissile server --kubernetes} on fabric8's mock API server
 * (CRUD mode) with Fissile's CRDs installed, and the test kubelet running the pods it creates as
 * local processes. A Fission spec directory applied with the CLI becomes fission.io custom resources,
 * and a request to its route is answered by a pod of the environment's pool.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesModeEndToEndTest {
    /** Shared between runs: the shipped runtimes unpacked once. */
    private static final Path RUNTIMES = Path.of("target", "kubelet-runtimes").toAbsolutePath();
    private static final Path CRDS = Path.of("..", "deploy", "crds");

    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path dir;

    private TestKubelet kubelet;
    private FissileServer fissile;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startClusterAndServer() throws IOException {
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    client.apiextensions().v1().customResourceDefinitions().load(in).create();
                }
            }
        }
        kubelet = new TestKubelet(client, RUNTIMES, dir.resolve("kubelet"));
        int apiPort = freePort();
        KubernetesMode mode = new KubernetesMode(server::createClient, "http://127.0.0.1:" + apiPort,
                ImageNames.defaults(), "fissile", Duration.ofSeconds(120));
        fissile = FissileServer.start(new ServerOptions(dir.resolve("data"), "127.0.0.1", 0, apiPort, 1L << 30)
                .withKubernetes(mode));
    }

    @AfterEach
    void stop() {
        if (fissile != null) fissile.close();
        if (kubelet != null) kubelet.close();
    }

    @Test
    void aFissionSpecAppliedWithTheCliIsServedByAPoolPod() throws Exception {
        Path project = dir.resolve("hello-spec");
        copyTree(Path.of(getClass().getResource("/hello-spec").toURI()), project);

        CliRun apply = cli(project, "spec", "apply", "--specdir", project.resolve("specs").toString());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();

        // Stored where Fission keeps them: fission.io/v1 custom resources of the cluster.
        assertThat(customResource("Environment", "nodejs")).isNotNull();
        assertThat(customResource("Function", "hello")).isNotNull();
        assertThat(customResource("HTTPTrigger", "hello-route")).isNotNull();

        HttpResponse<String> response = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/hello"), r -> r.statusCode() == 200);
        assertThat(response.body()).isEqualTo("hello, world!\n");

        // The pod that answered was taken out of the environment's pool and given to the function.
        List<Pod> specialized = client.pods().inNamespace("default").withLabel(PodLabels.FUNCTION_NAME, "hello")
                .list().getItems();
        assertThat(specialized).isNotEmpty()
                .allSatisfy(pod -> assertThat(pod.getMetadata().getLabels()).containsEntry(PodLabels.ENVIRONMENT_NAME, "nodejs"));
        assertThat(kubelet.runningPods()).isGreaterThanOrEqualTo(1);
        // And the CLI reads the same resources back through the controller.
        CliRun list = cli(project, "fn", "list");
        assertThat(list.out()).contains("hello");

        // Timers run on the replica holding the Lease "fissile-timers" and call the pod through the router.
        CliRun timer = cli(project, "tt", "create", "--name", "tick", "--function", "hello", "--cron", "@every 1s");
        assertThat(timer.exitCode()).as(timer.out() + timer.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> timerMetric("firings") >= 2);
        assertThat(timerMetric("failures")).as("timer calls that did not reach the function").isZero();
        assertThat(client.leases().inNamespace("fissile").withName("fissile-timers").get().getSpec().getHolderIdentity())
                .as("the timers' Lease names the replica running them").isNotBlank();
    }

    private double timerMetric(String count) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(fissile.apiUrl() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^fissile_timetrigger_" + count + "_total (\\S+)$").matcher(text);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    private GenericKubernetesResource customResource(String kind, String name) {
        return client.genericKubernetesResources("fission.io/v1", kind).inNamespace("default").withName(name).get();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fissile.routerUrl() + path)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record CliRun(int exitCode, String out, String err) {
    }

    private CliRun cli(Path workingDirectory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FissileCli.commandLine(new CliContext(Map.of("FISSILE_URL", fissile.apiUrl().toString()), workingDirectory, out, err))
                .execute(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target);
            }
        }
    }
}
