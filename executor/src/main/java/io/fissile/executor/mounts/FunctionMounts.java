package io.fissile.executor.mounts;

import io.fissile.api.Resource;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Secret;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.runtime.Instance;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets and config maps a function names ({@code spec.secrets}, {@code spec.configmaps}) as files
 * in each of its instances, laid out as the environment contract says:
 * {@code <secrets>/<namespace>/<name>/<key>} and {@code <configs>/<namespace>/<name>/<key>}. They are
 * written before the instance loads the function (or before a container's program starts), and
 * rewritten in every running instance of the functions that name one when it changes, as Kubernetes
 * updates a mounted volume. A function that names one that does not exist does not start, with an
 * error that names it.
 * <p>
 * Each instance has directories of its own, so an instance sees only what its function names.
 */
public final class FunctionMounts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionMounts.class);

    private final Source<Secret> secrets;
    private final Source<ConfigMap> configMaps;
    /** Running instances and the function each one serves, to rewrite on changes. */
    private final Map<Instance, Function> running = new ConcurrentHashMap<>();

    /**
     * Starts following both kinds; null informers stand for none of that kind (then a function that
     * names one does not start).
     */
    public FunctionMounts(Informer<Secret> secrets, Informer<ConfigMap> configMaps) {
        this.secrets = new Source<>(MountedKind.SECRETS, secrets);
        this.configMaps = new Source<>(MountedKind.CONFIG_MAPS, configMaps);
    }

    /** For an executor without secrets or config maps. */
    public static FunctionMounts none() {
        return new FunctionMounts(null, null);
    }

    /** Fails, naming it, when something the function names does not exist. */
    public void requireAll(Function function) {
        secrets.requireAll(function);
        configMaps.requireAll(function);
    }

    /** Writes what the function names into fresh directories, e.g. before a program that reads them at start. */
    public void write(Function function, Path secretsDir, Path configsDir) {
        secrets.writeAll(function, secretsDir);
        configMaps.writeAll(function, configsDir);
    }

    /** Writes what the function names into a started instance, and keeps it current until the instance ends. */
    public void attach(Function function, Instance instance) {
        running.put(instance, function);
        instance.exited().whenComplete((status, error) -> running.remove(instance));
        synchronized (instance) {
            write(function, instance.secretsDir(), instance.configsDir());
        }
    }

    @Override
    public void close() {
        secrets.close();
        configMaps.close();
    }

    /** One kind's informer, the files it writes, and the rewriting of running instances when an object changes. */
    private final class Source<R extends Resource<?, ?>> implements InformerListener<R> {

        private final MountedKind<R> kind;
        private final Informer<R> informer;

        Source(MountedKind<R> kind, Informer<R> informer) {
            this.kind = kind;
            this.informer = informer;
            if (informer != null) informer.addListener(this);
        }

        void requireAll(Function function) {
            for (Reference ref : kind.namedBy(function)) require(function, ref);
        }

        void writeAll(Function function, Path root) {
            for (Reference ref : kind.namedBy(function)) {
                R object = require(function, ref);
                try {
                    KeyFiles.replace(directory(root, ref.namespace(), ref.name()), kind.values().apply(object));
                } catch (IOException e) {
                    throw new FunctionUnavailableException("writing " + kind.noun() + " \"" + ref.namespace() + "/"
                            + ref.name() + "\" for function \"" + function.namespace() + "/" + function.name()
                            + "\" failed: " + e.getMessage(), true, e);
                }
            }
        }

        @Override
        public void onAdd(R object) {
            changed(object, true);
        }

        @Override
        public void onUpdate(R before, R now) {
            changed(now, true);
        }

        @Override
        public void onDelete(R last) {
            changed(last, false);
        }

        /** Every running instance whose function names the object gets its new values (or loses its directory). */
        private void changed(R object, boolean exists) {
            running.forEach((instance, function) -> {
                if (!kind.names(function, object.namespace(), object.name())) return;
                Path dir = directory(kind.directory().apply(instance), object.namespace(), object.name());
                synchronized (instance) {
                    if (!instance.isAlive()) return;
                    try {
                        if (exists) KeyFiles.replace(dir, kind.values().apply(object));
                        else KeyFiles.remove(dir);
                    } catch (IOException e) {
                        LOG.warn("Could not update {} {}/{} in instance {}: {}", kind.noun(), object.namespace(),
                                object.name(), instance.id(), e.toString());
                    }
                }
            });
        }

        private R require(Function function, Reference ref) {
            return lookup(ref.namespace(), ref.name()).orElseThrow(() -> new FunctionUnavailableException(
                    "function \"" + function.namespace() + "/" + function.name() + "\" names " + kind.noun() + " \""
                            + ref.namespace() + "/" + ref.name() + "\", which does not exist", false, null));
        }

        private Optional<R> lookup(String namespace, String name) {
            return informer == null ? Optional.empty() : informer.get(namespace, name);
        }

        private static Path directory(Path root, String namespace, String name) {
            // Names are Kubernetes names (checked by the API), so they are plain file names.
            return root.resolve(namespace).resolve(name);
        }

        void close() {
            if (informer != null) informer.removeListener(this);
        }
    }
}
