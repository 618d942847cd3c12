package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fissile.api.Codec;
import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.ObjectMeta;
import io.fissile.api.ResourceList;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.store.ConflictException;
import io.fissile.store.NotFoundException;
import io.fissile.store.ResourceStore;
import io.fissile.store.StoreException;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link ResourceStore} of Kubernetes mode: Fission's kinds as fission.io/v1 custom resources,
 * Secret and ConfigMap as the core kinds, all through fabric8 as untyped objects converted with
 * Fissile's codec, so that fields Fissile does not model survive a read and a write.
 * <p>
 * The API server does the versioning: resource versions, conflicts and generations are its own.
 * The store adds what the contract asks beyond plain REST: an update without a resource version
 * applies to whatever is stored, a write that changes nothing is not made, status goes through the
 * status subresource, and a watch from nowhere starts with every existing object.
 */
public final class KubernetesResourceStore implements ResourceStore {
    /** How often an update "whatever is stored" retries when another writer keeps getting in first. */
    private static final int UNCONDITIONAL_ATTEMPTS = 5;

    private final KubernetesClient client;
    private final boolean closeClient;
    private final ObjectConversion conversion;
    private final Set<KubernetesWatch<?>> watches = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    public KubernetesResourceStore(KubernetesClient client, boolean closeClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.closeClient = closeClient;
        this.conversion = new ObjectConversion(client.getKubernetesSerialization());
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> Optional<R> get(Kind<R> kind, String namespace, String name) {
        requireOpen();
        Objects.requireNonNull(name, "name");
        try {
            GenericKubernetesResource object = one(kind, namespace, name).get();
            return Optional.ofNullable(object).map(o -> conversion.toModel(kind, o));
        } catch (KubernetesClientException e) {
            throw Failures.of(describe(kind, namespace, name), e);
        }
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> ResourceList<R> list(Kind<R> kind, String namespace, LabelSelector selector) {
        requireOpen();
        LabelSelector matching = selector == null ? LabelSelector.everything() : selector;
        try {
            FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scope =
                    namespace == null ? all(kind).inAnyNamespace() : all(kind).inNamespace(orDefault(namespace));
            if (!matching.isEverything()) scope = scope.withLabelSelector(matching.toString());
            GenericKubernetesResourceList list = scope.list();
            // Filtered here too: the API server applies the selector, but not every server speaks all of its forms.
            List<R> items = list.getItems().stream()
                    .map(o -> conversion.toModel(kind, o))
                    .filter(r -> matching.matches(r.metadata().labels()))
                    .sorted(Comparator.<R, String>comparing(r -> r.namespace()).thenComparing(r -> r.name()))
                    .toList();
            return ResourceList.of(kind, items, list.getMetadata() == null ? null : list.getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            throw Failures.ofKind(kind, e);
        }
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> R create(R resource) {
        requireOpen();
        Kind<R> kind = Kinds.of(resource);
        String name = requireName(kind, resource);
        String namespace = resource.namespace();
        R fresh = Codec.copy(resource);
        normalize(fresh);
        fresh.metadata().namespace(namespace).resourceVersion(null).uid(null).generation(null).creationTimestamp(null);
        R created;
        try {
            created = conversion.toModel(kind, written(kind, fresh).create());
        } catch (KubernetesClientException e) {
            throw Failures.ofCreate(describe(kind, namespace, name), e);
        }
        // With a status subresource the API server drops a status sent with the object: write it apart.
        if (fresh.status() != null && ResourceDefinitions.hasStatus(kind) && !Codec.sameContent(fresh.status(), created.status())) {
            copyStatus(created, fresh);
            created = writeStatus(kind, created);
        }
        return created;
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> R update(R resource) {
        requireOpen();
        Kind<R> kind = Kinds.of(resource);
        requireName(kind, resource);
        boolean unconditional = isEmpty(resource.metadata().resourceVersion());
        for (int attempt = 1; ; attempt++) {
            R stored = stored(kind, resource);
            requireCurrent(stored, resource);
            R updated = Codec.copy(resource);
            normalize(updated);
            ObjectMeta was = stored.metadata();
            updated.metadata()
                    .namespace(stored.namespace())
                    .uid(was.uid())
                    .creationTimestamp(was.creationTimestamp())
                    .resourceVersion(was.resourceVersion())
                    .generation(nextGeneration(stored, updated));
            // Fields the API server manages (managedFields and the like) stay as stored unless given.
            was.unknownFields().forEach((field, value) -> {
                if (updated.metadata().unknownField(field) == null) updated.metadata().unknownField(field, value);
            });
            copyStatus(updated, stored);
            if (Codec.sameContent(updated, stored)) return stored;
            try {
                return conversion.toModel(kind, written(kind, updated).update());
            } catch (KubernetesClientException e) {
                if (e.getCode() == Failures.CONFLICT && unconditional && attempt < UNCONDITIONAL_ATTEMPTS) continue;
                throw Failures.ofUpdate(resource.describe(), e);
            }
        }
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> R updateStatus(R resource) {
        requireOpen();
        Kind<R> kind = Kinds.of(resource);
        requireName(kind, resource);
        boolean unconditional = isEmpty(resource.metadata().resourceVersion());
        for (int attempt = 1; ; attempt++) {
            R stored = stored(kind, resource);
            requireCurrent(stored, resource);
            if (!ResourceDefinitions.hasStatus(kind) || Codec.sameContent(stored.status(), resource.status())) return stored;
            R updated = Codec.copy(stored);
            copyStatus(updated, resource);
            try {
                return writeStatus(kind, updated);
            } catch (ConflictException e) {
                if (!unconditional || attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> R delete(Kind<R> kind, String namespace, String name) {
        requireOpen();
        String what = describe(kind, namespace, name);
        R stored = get(kind, namespace, name).orElseThrow(() -> new NotFoundException(what + " not found"));
        try {
            if (one(kind, namespace, name).delete().isEmpty()) throw new NotFoundException(what + " not found");
        } catch (KubernetesClientException e) {
            throw Failures.of(what, e);
        }
        return stored;
    }

    @Override
    public <R extends io.fissile.api.Resource<?, ?>> Watch watch(Kind<R> kind, String namespace, String fromResourceVersion,
                                                                WatchListener<R> listener) {
        requireOpen();
        Objects.requireNonNull(listener, "listener");
        boolean fromNowhere = isEmpty(fromResourceVersion) || fromResourceVersion.equals("0");
        List<R> existing = List.of();
        String from = fromResourceVersion;
        if (fromNowhere) {
            // The API server's own "send every object first" is not spoken by all servers alike: list, then follow.
            ResourceList<R> list = list(kind, namespace, LabelSelector.everything());
            existing = list.items();
            from = list.resourceVersion();
        }
        KubernetesWatch<R> watch = new KubernetesWatch<>(kind, listener, conversion, parseVersion(from), watches::remove);
        watches.add(watch);
        watch.deliverExisting(existing);
        ListOptions options = new ListOptionsBuilder().withResourceVersion(isEmpty(from) ? null : from).build();
        try {
            var scope = namespace == null ? all(kind).inAnyNamespace() : all(kind).inNamespace(orDefault(namespace));
            watch.upstream(scope.watch(options, watch));
        } catch (KubernetesClientException e) {
            watch.close();
            if (e.getCode() == Failures.GONE) {
                throw new io.fissile.store.ExpiredException("the changes to " + kind.plural() + " after resource version "
                        + from + " are no longer kept; list again");
            }
            throw Failures.ofKind(kind, e);
        }
        return watch;
    }

    /**
     * The resource version the API server is at. Kubernetes has no call for it; a list's version is
     * the server's latest, so the smallest possible list answers.
     */
    @Override
    public String currentResourceVersion() {
        requireOpen();
        try {
            GenericKubernetesResourceList list = all(Kinds.FUNCTION).inAnyNamespace()
                    .list(new ListOptionsBuilder().withLimit(1L).build());
            return list.getMetadata().getResourceVersion();
        } catch (KubernetesClientException e) {
            throw Failures.of("the current resource version", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        List.copyOf(watches).forEach(KubernetesWatch::close);
        if (closeClient) client.close();
    }

    private <R extends io.fissile.api.Resource<?, ?>> R writeStatus(Kind<R> kind, R object) {
        try {
            return conversion.toModel(kind, written(kind, object).updateStatus());
        } catch (KubernetesClientException e) {
            throw Failures.ofUpdate(object.describe(), e);
        }
    }

    private <R extends io.fissile.api.Resource<?, ?>> R stored(Kind<R> kind, R resource) {
        return get(kind, resource.namespace(), resource.name())
                .orElseThrow(() -> new NotFoundException(resource.describe() + " not found"));
    }

    /** The caller's version and uid, when given, must be the stored ones, as the API server demands. */
    private static void requireCurrent(io.fissile.api.Resource<?, ?> stored, io.fissile.api.Resource<?, ?> incoming) {
        String readVersion = incoming.metadata().resourceVersion();
        String storedVersion = stored.metadata().resourceVersion();
        if (!isEmpty(readVersion) && !readVersion.equals(storedVersion)) {
            throw new ConflictException(stored.describe() + " has changed since it was read (read at resourceVersion "
                    + readVersion + ", now at " + storedVersion + "); read it again and retry");
        }
        String readUid = incoming.metadata().uid();
        if (!isEmpty(readUid) && !readUid.equals(stored.metadata().uid())) {
            throw new ConflictException(stored.describe() + " has changed since it was read: it was deleted and created"
                    + " again (read with uid " + readUid + ", now " + stored.metadata().uid() + "); read it again and retry");
        }
    }

    /** The generation the API server gives a custom resource: one more when the spec changes. */
    private static long nextGeneration(io.fissile.api.Resource<?, ?> stored, io.fissile.api.Resource<?, ?> updated) {
        long generation = Objects.requireNonNullElse(stored.metadata().generation(), 1L);
        return Codec.sameContent(stored.spec(), updated.spec()) ? generation : generation + 1;
    }

    /** A secret's stringData is folded into data before it is written, as the API server does when it stores one. */
    private static void normalize(io.fissile.api.Resource<?, ?> resource) {
        if (resource instanceof Secret secret) secret.normalize();
    }

    /** Both objects are of one kind, so their status types agree; Java cannot see that through the wildcards. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyStatus(io.fissile.api.Resource target, io.fissile.api.Resource<?, ?> source) {
        target.status(source.status() == null ? null : Codec.copy(source.status()));
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all(Kind<?> kind) {
        return client.genericKubernetesResources(ResourceDefinitions.of(kind));
    }

    private Resource<GenericKubernetesResource> one(Kind<?> kind, String namespace, String name) {
        return all(kind).inNamespace(orDefault(namespace)).withName(name);
    }

    /** The object as the API sees it, for a write of it in its namespace. */
    private Resource<GenericKubernetesResource> written(Kind<?> kind, io.fissile.api.Resource<?, ?> object) {
        return all(kind).inNamespace(object.namespace()).resource(conversion.toKubernetes(object));
    }

    private static String requireName(Kind<?> kind, io.fissile.api.Resource<?, ?> resource) {
        String name = resource.name();
        if (isEmpty(name)) {
            throw new InvalidResourceException(kind.name() + " in namespace \"" + resource.namespace() + "\"",
                    new FieldError("metadata.name", "is required"));
        }
        return name;
    }

    private static String describe(Kind<?> kind, String namespace, String name) {
        return kind.name() + " \"" + orDefault(namespace) + "/" + name + "\"";
    }

    private static String orDefault(String namespace) {
        return isEmpty(namespace) ? ObjectMeta.DEFAULT_NAMESPACE : namespace;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** A version to start after; a version that is not a whole number is refused, as the contract says. */
    private static Long parseVersion(String resourceVersion) {
        if (isEmpty(resourceVersion)) return null;
        try {
            long version = Long.parseLong(resourceVersion);
            if (version < 0) throw new NumberFormatException();
            return version;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("resourceVersion \"" + resourceVersion
                    + "\" is not a resource version of this store (a non-negative whole number)");
        }
    }

    private void requireOpen() {
        if (closed.get()) throw new StoreException("the store is closed");
    }
}
