package io.fissile.kubernetes.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * One running informer per (namespace, kind), shared by every trigger that watches it: the API
 * server sees one watch however many triggers there are. Triggers filter by their own label
 * selectors. An informer stops when its last handler leaves.
 */
final class SharedInformers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedInformers.class);

    private record Key(String namespace, WatchedKind kind) {
    }

    private static final class Shared {
        final SharedIndexInformer<HasMetadata> informer;
        int handlers;

        Shared(SharedIndexInformer<HasMetadata> informer) {
            this.informer = informer;
        }
    }

    private final KubernetesClient client;
    private final Map<Key, Shared> informers = new HashMap<>();

    SharedInformers(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Adds a handler to the (namespace, kind) informer, starting it if need be. The handler first
     * hears {@code onAdd} for every object already there, as Fission's fresh watch reports them.
     */
    synchronized void add(String namespace, WatchedKind kind, ResourceEventHandler<HasMetadata> handler) {
        Key key = new Key(namespace, kind);
        Shared shared = informers.get(key);
        if (shared == null) {
            shared = new Shared(kind.newInformer(client, namespace));
            shared.informer.addEventHandler(handler);
            // start() rather than run(): a slow or failing API server must not block trigger changes;
            // the informer keeps retrying its list and watch by itself.
            shared.informer.start().whenComplete((ignored, error) -> {
                if (error != null) log.warn("cannot watch {} in namespace {}: {}", kind, namespace, error.toString());
            });
            informers.put(key, shared);
            log.info("watching {} objects in namespace {}", kind, namespace);
        } else {
            shared.informer.addEventHandler(handler);
        }
        shared.handlers++;
    }

    synchronized void remove(String namespace, WatchedKind kind, ResourceEventHandler<HasMetadata> handler) {
        Key key = new Key(namespace, kind);
        Shared shared = informers.get(key);
        if (shared == null) return;
        shared.informer.removeEventHandler(handler);
        if (--shared.handlers == 0) {
            informers.remove(key);
            shared.informer.stop();
            log.info("stopped watching {} objects in namespace {}", kind, namespace);
        }
    }

    /** How many informers run now. */
    synchronized int running() {
        return informers.size();
    }

    @Override
    public synchronized void close() {
        informers.values().forEach(s -> s.informer.stop());
        informers.clear();
    }
}
