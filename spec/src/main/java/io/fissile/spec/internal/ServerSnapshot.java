package io.fissile.spec.internal;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.Kinds;
import io.fissile.client.ControllerClient;
import io.fissile.spec.DeploymentMarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every object on the server, of every kind (in dependency order) and namespace, as listed once. */
public final class ServerSnapshot {
    private final Map<ObjectKey, Resource<?, ?>> objects;

    private ServerSnapshot(Map<ObjectKey, Resource<?, ?>> objects) {
        this.objects = objects;
    }

    /** Lists the server; throws UncheckedIOException when it cannot be reached. */
    public static ServerSnapshot fetch(ControllerClient client) {
        return fetch(client, null);
    }

    /** Lists one namespace, or all when {@code namespace} is null. */
    public static ServerSnapshot fetch(ControllerClient client, String namespace) {
        Map<ObjectKey, Resource<?, ?>> objects = new LinkedHashMap<>();
        for (Kind<?> kind : Kinds.all()) {
            for (Resource<?, ?> object : client.list(kind, namespace, null).items()) {
                objects.put(ObjectKey.of(object), object);
            }
        }
        return new ServerSnapshot(objects);
    }

    public Optional<Resource<?, ?>> get(ObjectKey key) {
        return Optional.ofNullable(objects.get(key));
    }

    public boolean contains(ObjectKey key) {
        return objects.containsKey(key);
    }

    /** The objects marked with a deployment's uid, in dependency order. */
    public List<Resource<?, ?>> ownedBy(String uid) {
        return objects.values().stream().filter(o -> DeploymentMarks.belongsTo(o, uid)).toList();
    }
}
