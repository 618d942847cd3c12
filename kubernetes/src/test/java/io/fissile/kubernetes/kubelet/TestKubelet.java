package io.fissile.kubernetes.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fissile.executor.mounts.KeyFiles;
import io.fissile.kubernetes.fetcher.Fetcher;
import io.fissile.kubernetes.fetcher.FetcherOptions;
import io.fissile.kubernetes.model.PodContract;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.UserCommand;
import io.fissile.runtime.local.LocalProcessRuntime;
import io.fissile.runtime.local.LocalRuntimeOptions;
import io.fissile.runtime.logs.FileFunctionLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A kubelet (and Deployment controller) for fabric8's mock API server in CRUD mode, which stores pods
 * but runs none. For each Fissile pod it sees it
 * <ol>
 *   <li>gives the pod an address of its own on the loopback network ({@link PodNetwork});</li>
 *   <li>starts the runtime container's environment as a local process ({@link LocalProcessRuntime}, the
 *       local mode's own code), its image mapped back to the shipped runtime, its variables passed on;</li>
 *   <li>materialises the pod's Secret and ConfigMap volumes as files where the runtime reads them;</li>
 *   <li>runs the fetcher sidecar ({@link Fetcher}, in this JVM) on podIP:8000 over the runtime's userfunc
 *       directory, and carries podIP:8888 to the runtime's port;</li>
 *   <li>writes the pod's status: Running, Ready, its podIP.</li>
 * </ol>
 * A pod with one container and no fetcher (a container function's) runs that container's command and
 * args as a local program (no image can run here), podIP:containerPort carried to it. A deleted pod's
 * process and fetcher go.
 */
public final class TestKubelet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestKubelet.class);

    private final KubernetesClient client;
    private final Path dir;
    private final LocalProcessRuntime runtime;
    private final PodNetwork network = new PodNetwork();
    private final SharedIndexInformer<Pod> pods;
    private final DeploymentController deployments;
    private final Map<String, RunningPod> running = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private record RunningPod(Instance instance, Fetcher fetcher, PodNetwork.Forward forward, InetAddress address) {
    }

    /**
     * @param runtimesDir where the local runtime unpacks the shipped runtimes (shared between tests to save time)
     * @param dir         the kubelet's own files: logs, fetcher caches
     */
    public TestKubelet(KubernetesClient client, Path runtimesDir, Path dir) {
        this.client = client;
        this.dir = dir;
        this.runtime = LocalProcessRuntime.create(LocalRuntimeOptions.defaults(runtimesDir,
                new FileFunctionLogs(dir.resolve("logs"))).withCloseGrace(Duration.ofSeconds(1)));
        this.pods = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                if (seen.add(key(pod))) Thread.ofVirtual().name("kubelet-" + pod.getMetadata().getName()).start(() -> run(pod));
            }

            @Override
            public void onUpdate(Pod before, Pod now) {
                onAdd(now);
            }

            @Override
            public void onDelete(Pod pod, boolean unknownFinalState) {
                stop(key(pod));
            }
        });
        this.deployments = new DeploymentController(client);
    }

    /** Pods this kubelet runs now. */
    public int runningPods() {
        return running.size();
    }

    private void run(Pod pod) {
        Container container = container(pod, PodContract.RUNTIME_CONTAINER);
        boolean runtimePod = container != null && container(pod, PodContract.FETCHER_CONTAINER) != null;
        if (!runtimePod && pod.getSpec().getContainers().size() == 1) container = pod.getSpec().getContainers().getFirst();
        else if (!runtimePod) return;
        if (closed) return;
        String key = key(pod);
        InetAddress address = network.allocate();
        Instance instance = null;
        Fetcher fetcher = null;
        PodNetwork.Forward forward = null;
        try {
            instance = runtime.start(runtimePod
                    ? new InstanceSpec(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                            runtimeOf(container.getImage()), variables(container), null, 0, 0)
                    : new InstanceSpec(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), container.getImage(),
                            variables(container), null, 0, 0, UserCommand.of(commandOf(container)))).get(90, TimeUnit.SECONDS);
            materialiseVolumes(pod, container, instance);
            if (runtimePod) {
                fetcher = Fetcher.start(new FetcherOptions(new InetSocketAddress(address, PodContract.FETCHER_PORT),
                        instance.userfuncDir(), instance.secretsDir(), instance.configsDir(), instance.userfuncPathInInstance(),
                        instance.address(), dir.resolve("fetcher-cache").resolve(pod.getMetadata().getName()), () -> client));
            }
            int port = runtimePod ? PodContract.RUNTIME_PORT : container.getPorts().getFirst().getContainerPort();
            forward = new PodNetwork.Forward(new InetSocketAddress(address, port), instance.address());
            running.put(key, new RunningPod(instance, fetcher, forward, address));
            if (client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).get() == null) {
                stop(key); // deleted while it started
                return;
            }
            String ip = address.getHostAddress();
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(p -> new PodBuilder(p).withNewStatus().withPhase("Running").withPodIP(ip).withHostIP("127.0.0.1")
                            .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build());
            instance.exited().thenRun(() -> failed(pod));
        } catch (Exception e) {
            if (!closed) LOG.warn("Cannot run pod {}: {}", key, e.toString());
            if (running.remove(key) == null) {
                if (forward != null) forward.close();
                if (fetcher != null) fetcher.close();
                if (instance != null) instance.stop(Duration.ZERO);
            } else {
                stop(key);
            }
        }
    }

    /** The runtime ended by itself: the pod has failed, as the kubelet would report. */
    private void failed(Pod pod) {
        if (closed || !running.containsKey(key(pod))) return;
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(p -> new PodBuilder(p).editStatus().withPhase("Failed").withConditions().endStatus().build());
        } catch (RuntimeException e) {
            LOG.debug("Cannot mark pod {} failed: {}", key(pod), e.toString());
        }
    }

    private void stop(String key) {
        RunningPod pod = running.remove(key);
        if (pod == null) return;
        pod.forward().close();
        if (pod.fetcher() != null) pod.fetcher().close();
        pod.instance().stop(Duration.ofSeconds(1));
    }

    /** Secret and ConfigMap volumes under /secrets and /configs, written into the runtime's own directories. */
    private void materialiseVolumes(Pod pod, Container container, Instance instance) throws IOException {
        String namespace = pod.getMetadata().getNamespace();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            String path = mount.getMountPath();
            if (volume.getSecret() != null && path.startsWith(PodContract.SECRETS + "/")) {
                Secret secret = client.secrets().inNamespace(namespace).withName(volume.getSecret().getSecretName()).get();
                if (secret == null) throw new IOException("secret " + volume.getSecret().getSecretName() + " does not exist");
                Map<String, byte[]> values = new LinkedHashMap<>();
                if (secret.getData() != null) secret.getData().forEach((k, v) -> values.put(k, Base64.getDecoder().decode(v)));
                // The API server folds stringData into data; the mock keeps it as written.
                if (secret.getStringData() != null) secret.getStringData().forEach((k, v) -> values.put(k, v.getBytes(StandardCharsets.UTF_8)));
                KeyFiles.replace(instance.secretsDir().resolve(path.substring(PodContract.SECRETS.length() + 1)), values);
            } else if (volume.getConfigMap() != null && path.startsWith(PodContract.CONFIGS + "/")) {
                ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(volume.getConfigMap().getName()).get();
                if (configMap == null) throw new IOException("config map " + volume.getConfigMap().getName() + " does not exist");
                Map<String, byte[]> values = new LinkedHashMap<>();
                if (configMap.getData() != null) configMap.getData().forEach((k, v) -> values.put(k, v.getBytes(StandardCharsets.UTF_8)));
                KeyFiles.replace(instance.configsDir().resolve(path.substring(PodContract.CONFIGS.length() + 1)), values);
            }
        }
    }

    /** {@code <prefix>/fissile-env-nodejs:<version>} is the shipped {@code nodejs} runtime; other images as they are. */
    static String runtimeOf(String image) {
        int at = image.lastIndexOf("/fissile-env-");
        if (at < 0) return image;
        String rest = image.substring(at + "/fissile-env-".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /**
     * A container without a runtime beside a fetcher (a container function) runs its command and args
     * as a local program; no image can run here, so one without a command stays Pending.
     */
    private static List<String> commandOf(Container container) {
        if (container.getCommand() == null || container.getCommand().isEmpty()) {
            throw new IllegalArgumentException("the test kubelet runs no images; container " + container.getName() + " needs a command");
        }
        List<String> command = new ArrayList<>(container.getCommand());
        if (container.getArgs() != null) command.addAll(container.getArgs());
        return command;
    }

    /** The container's own variables; the contract's are the local runtime's to set. */
    private static Map<String, String> variables(Container container) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            switch (variable.getName()) {
                case "HOST", "PORT", "USERFUNC_DIR", "SECRETS_DIR", "CONFIGS_DIR" -> { }
                default -> variables.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            }
        }
        return variables;
    }

    private static Container container(Pod pod, String name) {
        return pod.getSpec().getContainers().stream().filter(c -> name.equals(c.getName())).findFirst().orElse(null);
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    /**
     * Waits (up to {@code timeout}) until every pod is running and ready and none is being deleted: the
     * mock API server can stall when a watch closes while it still sends events, so tests let the cluster
     * settle before closing their watches.
     */
    public void awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean settled = client.pods().inAnyNamespace().list().getItems().stream()
                    .filter(pod -> pod.getSpec() != null && !pod.getSpec().getContainers().isEmpty())
                    .allMatch(pod -> pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                            && "Running".equals(pod.getStatus().getPhase()));
            if (settled) return;
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Stops every pod process and the kubelet's watches, then waits until the mock API server answers
     * again: it can stall for a while after watches close mid-event, and the test's mock server allows
     * itself only 10 s to shut down.
     */
    @Override
    public void close() {
        closed = true;
        deployments.close();
        pods.close();
        running.keySet().forEach(this::stop);
        runtime.close();
        awaitAnswering(Duration.ofSeconds(90));
    }

    private void awaitAnswering(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                client.namespaces().list();
                return;
            } catch (RuntimeException stalled) {
                // asked again until the deadline: the stall ends on its own
            }
        }
    }
}
