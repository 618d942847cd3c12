package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionInstanceRuntime;
import io.fissile.executor.RemoteSpecialization;
import io.fissile.kubernetes.KubernetesRuntimeOptions;
import io.fissile.kubernetes.model.ContainerDeployment;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.PodContract;
import io.fissile.kubernetes.model.PodLabels;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.RuntimeCapabilities;
import io.fissile.store.Informer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Function instances as Kubernetes pods, Fission's way.
 * <ul>
 *   <li>An environment's instance ({@link #start}, poolmgr): the environment gets a pool Deployment of
 *       generic pods ({@link io.fissile.kubernetes.model.PoolDeployment}); a start takes one of its
 *       ready pods out by relabelling it ({@code managed=false}), so the Deployment starts a replacement.
 *       When the executor specializes it, the pod gets the function's labels and its fetcher places the
 *       package. (The executor's own warm pool holds pods taken this way, beside the Deployment's.)</li>
 *   <li>A function's dedicated instance ({@link #startFor}, newdeploy): the function gets a Deployment
 *       and a Service ({@link FunctionDeployment}); each start adds a replica and claims the new pod,
 *       each stop removes that pod and the replica, so the executor's autoscaler drives the replicas.</li>
 *   <li>A container function's instance ({@link #startFor} with a user command): the same with a
 *       Deployment of the function's own image ({@link ContainerDeployment}), served on its container port.</li>
 * </ul>
 * Instances serve at their pod's IP, port 8888; the executor reaches the fetcher at port 8000.
 */
public final class KubernetesInstanceRuntime implements InstanceRuntime, FunctionInstanceRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesInstanceRuntime.class);

    private final KubernetesRuntimeOptions options;
    private final KubernetesClient client;
    private final Informer<Environment> environments;
    private final PodWatch pods;
    private final PoolDeployments pools;
    private final FunctionDeployments functions;
    private final Map<String, PodInstance> live = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private KubernetesInstanceRuntime(KubernetesRuntimeOptions options, Informer<Environment> environments,
                                      FunctionDeployments functions) {
        this.options = options;
        this.client = options.client();
        this.environments = environments;
        this.pods = new PodWatch(client, options.identity());
        this.pools = new PoolDeployments(client, options.images());
        this.functions = functions;
        environments.addListener(pools);
    }

    /**
     * Removes what executors that ended left (as the local runtime removes leftover processes): pods
     * claimed by this runtime's identity before a restart or by executors whose pod is gone, and their
     * functions' replicas, which nobody holds any more; then starts watching Fissile's pods. Environments
     * give the pool Deployments their shape. Every executor replica may run one on the same cluster:
     * each labels the pods it claims with its identity ({@link KubernetesRuntimeOptions#identity()}),
     * so no pod serves two, and Deployments' replicas change one at a time from what the cluster holds.
     */
    public static KubernetesInstanceRuntime create(KubernetesRuntimeOptions options, Informer<Environment> environments) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(environments, "environments");
        FunctionDeployments functions = new FunctionDeployments(options.client(), options.images());
        Leftovers.remove(options.client(), options.identity(), options.namespace(), functions);
        return new KubernetesInstanceRuntime(options, environments, functions);
    }

    @Override
    public CompletableFuture<Instance> start(InstanceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.userCommand() != null) {
            return CompletableFuture.failedFuture(new InstanceStartException("a container function's instance is"
                    + " started for its function (startFor), not alone: " + spec.environmentNamespace() + "/" + spec.environmentName()));
        }
        return async(() -> {
            Environment environment = environmentOf(spec);
            pools.ensure(environment);
            // Out of the pool with the claim, so that the Deployment replaces it while the executor holds it:
            // a start never waits on pods other starts hold.
            Pod pod = claim(environment.namespace(), PodLabels.poolSelector(environment), PodLabels.takenFromPool(),
                    "environment \"" + environment.namespace() + "/" + environment.name() + "\"");
            return register(pod, spec, PodContract.RUNTIME_PORT, new PoolOwner());
        });
    }

    @Override
    public CompletableFuture<Instance> startFor(Function function, InstanceSpec spec) {
        Objects.requireNonNull(function, "function");
        boolean container = spec.userCommand() != null;
        return async(() -> {
            // A container function runs its image (the command the executor made is the image's business here).
            String deployment = container ? functions.scaleUpContainer(function)
                    : functions.scaleUp(function, environmentOf(spec));
            String executorType = container ? ContainerDeployment.CONTAINER : FunctionDeployment.NEWDEPLOY;
            Pod pod;
            try {
                pod = claim(function.namespace(), PodLabels.functionSelector(function, executorType), Map.of(),
                        "function \"" + function.namespace() + "/" + function.name() + "\"");
            } catch (RuntimeException | InterruptedException e) {
                functions.scaleDown(function.namespace(), deployment, null, Duration.ZERO);
                throw e;
            }
            int port = container ? ContainerDeployment.port(function) : PodContract.RUNTIME_PORT;
            return register(pod, spec, port, new DeploymentOwner(deployment));
        });
    }

    @Override
    public List<Instance> instances() {
        return List.copyOf(live.values());
    }

    @Override
    public RuntimeCapabilities capabilities() {
        return new RuntimeCapabilities(true, true, true, "Kubernetes pods: isolation and limits are the cluster's");
    }

    /** Stops watching; the pods this runtime took are deleted (pool pods it still holds stay in their pools). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        environments.removeListener(pools);
        live.values().forEach(instance -> instance.stop(Duration.ZERO));
        pods.close();
    }

    private interface Start {
        Instance run() throws InterruptedException;
    }

    private CompletableFuture<Instance> async(Start start) {
        if (closed) return CompletableFuture.failedFuture(new InstanceStartException("The instance runtime is closed"));
        CompletableFuture<Instance> result = new CompletableFuture<>();
        Thread.ofVirtual().name("fissile-pod-start").start(() -> {
            try {
                Instance instance = start.run();
                // Nobody waits for it any more: let it go.
                if (!result.complete(instance)) instance.stop(Duration.ZERO);
            } catch (InterruptedException e) {
                result.completeExceptionally(new InstanceStartException("interrupted while waiting for a pod", e));
            } catch (RuntimeException e) {
                result.completeExceptionally(e instanceof InstanceStartException ? e
                        : new InstanceStartException("the Kubernetes API refused: " + e.getMessage(), e));
            }
        });
        return result;
    }

    private Environment environmentOf(InstanceSpec spec) {
        String namespace = spec.environmentNamespace() == null ? "default" : spec.environmentNamespace();
        return environments.get(namespace, spec.environmentName()).orElseThrow(() -> new InstanceStartException(
                "environment \"" + namespace + "/" + spec.environmentName() + "\" does not exist"));
    }

    private Pod claim(String namespace, Map<String, String> selector, Map<String, String> labels, String owner)
            throws InterruptedException {
        Optional<Pod> pod = pods.claim(namespace, selector, labels, options.startTimeout());
        return pod.orElseThrow(() -> new InstanceStartException("no pod of " + owner + " became ready within "
                + options.startTimeout().toSeconds() + " s (pods with labels " + selector + " in namespace " + namespace + ")"));
    }

    private PodInstance register(Pod pod, InstanceSpec spec, int port, PodInstance.Owner owner) {
        PodInstance instance = new PodInstance(pod, spec, port, owner, options.controllerUrl());
        live.put(instance.namespace() + "/" + instance.name(), instance);
        pods.onEnd(pod, gone -> {
            live.remove(instance.namespace() + "/" + instance.name());
            instance.ended();
        });
        LOG.debug("Claimed {}", instance);
        return instance;
    }

    private void relabel(PodInstance instance, Map<String, String> labels) {
        client.pods().inNamespace(instance.namespace()).withName(instance.name()).edit(pod -> new PodBuilder(pod)
                .editMetadata().addToLabels(labels).endMetadata().build());
    }

    /** A pod of a pool Deployment: leaves the pool when specialized; deleted when stopped. */
    private final class PoolOwner implements PodInstance.Owner {
        @Override
        public void specializing(PodInstance instance, RemoteSpecialization request) {
            relabel(instance, PodLabels.specializedFor(request.functionNamespace(), request.functionName()));
        }

        @Override
        public boolean fetcherWritesMounts() {
            return true;
        }

        @Override
        public void remove(PodInstance instance, Duration grace) {
            client.pods().inNamespace(instance.namespace()).withName(instance.name()).withGracePeriod(grace.toSeconds()).delete();
        }
    }

    /** A pod of a function's Deployment: already the function's; stopping it takes a replica away. */
    private final class DeploymentOwner implements PodInstance.Owner {
        private final String deployment;

        DeploymentOwner(String deployment) {
            this.deployment = deployment;
        }

        @Override
        public void specializing(PodInstance instance, RemoteSpecialization request) {
            // Its labels already name the function.
        }

        @Override
        public boolean fetcherWritesMounts() {
            return false;
        }

        @Override
        public void remove(PodInstance instance, Duration grace) {
            functions.scaleDown(instance.namespace(), deployment, instance.name(), grace);
        }
    }
}
