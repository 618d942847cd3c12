package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fissile.api.Codec;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Package;
import io.fissile.executor.RemoteInstance;
import io.fissile.executor.RemoteSpecialization;
import io.fissile.executor.specialize.InstanceCall;
import io.fissile.kubernetes.model.PodContract;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pod claimed by the runtime, seen as an instance: it serves at its pod IP, and its fetcher
 * (the sidecar, same IP) places the package when it is specialized. A pool pod is first relabelled out
 * of its pool Deployment, which starts another in its place.
 */
final class PodInstance implements Instance, RemoteInstance {

    /** What happens to the pod around specialization and stopping, which depends on who owns it. */
    interface Owner {
        /** Before the fetcher is called: a pool pod leaves its pool here. */
        void specializing(PodInstance instance, RemoteSpecialization request) throws IOException;

        /** Whether the function's secrets and config maps come through the fetcher (pool pods) or as volumes. */
        boolean fetcherWritesMounts();

        /** Removes the pod (and, for a function's Deployment, one replica). */
        void remove(PodInstance instance, Duration grace);
    }

    private final String namespace;
    private final String name;
    private final InstanceSpec spec;
    private final InetSocketAddress address;
    private final InetSocketAddress fetcher;
    private final Owner owner;
    private final String controllerUrl;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    PodInstance(Pod pod, InstanceSpec spec, int port, Owner owner, String controllerUrl) {
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.spec = spec;
        String ip = pod.getStatus().getPodIP();
        this.address = new InetSocketAddress(ip, port);
        this.fetcher = new InetSocketAddress(ip, PodContract.FETCHER_PORT);
        this.owner = owner;
        this.controllerUrl = controllerUrl;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    /** The pod is gone (deleted, or its phase ended). */
    void ended() {
        exited.complete(0);
    }

    @Override
    public String id() {
        return name;
    }

    @Override
    public InstanceSpec spec() {
        return spec;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /** The volume's path in the pod; the executor never writes there (the fetcher does). */
    @Override
    public Path userfuncDir() {
        return Path.of(PodContract.USERFUNC);
    }

    @Override
    public Path secretsDir() {
        return Path.of(PodContract.SECRETS);
    }

    @Override
    public Path configsDir() {
        return Path.of(PodContract.CONFIGS);
    }

    @Override
    public String userfuncPathInInstance() {
        return PodContract.USERFUNC;
    }

    @Override
    public void assignFunction(String namespace, String name) {
        // The pod's labels say whose it is once specialized; its logs are the pod's.
    }

    @Override
    public boolean isAlive() {
        return !exited.isDone();
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public CompletableFuture<Void> stop(Duration grace) {
        if (stopping.compareAndSet(false, true) && !exited.isDone()) owner.remove(this, grace);
        return exited.thenApply(status -> null);
    }

    @Override
    public InstanceCall.Response specialize(RemoteSpecialization request, Duration timeout) throws IOException {
        owner.specializing(this, request);
        RemoteSpecialization sent = new RemoteSpecialization(request.functionNamespace(), request.functionName(),
                reachable(request.pkg()), request.keepArchive(), request.fileName(), request.specializePath(),
                request.contentType(), request.body(),
                owner.fetcherWritesMounts() ? request.secrets() : List.of(),
                owner.fetcherWritesMounts() ? request.configMaps() : List.of());
        return InstanceCall.post(fetcher, "/specialize", "application/json", Codec.toJsonBytes(sent), timeout);
    }

    /** The package with an archive URL a pod can download: a bare path is the controller's. */
    private Package reachable(Package pkg) {
        Archive deployment = pkg.spec().deployment();
        if (deployment == null || deployment.url() == null || !deployment.url().startsWith("/")) return pkg;
        Package copy = Codec.copy(pkg);
        copy.spec().deployment().url(controllerUrl + deployment.url());
        return copy;
    }

    @Override
    public String toString() {
        return "pod " + namespace + "/" + name + " at " + address;
    }
}
