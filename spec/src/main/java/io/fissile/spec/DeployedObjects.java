package io.fissile.spec;

import io.fissile.api.Resource;
import io.fissile.client.ApiException;
import io.fissile.client.ControllerClient;
import io.fissile.spec.internal.ObjectDeletion;
import io.fissile.spec.internal.ServerSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The objects on the server that a deployment applied (those marked with its uid): to list or to destroy. */
public final class DeployedObjects {
    private final ControllerClient client;

    public DeployedObjects(ControllerClient client) {
        this.client = client;
    }

    /** This deployment's objects in dependency order; in one namespace, or in all when {@code namespace} is null. */
    public List<Resource<?, ?>> list(String uid, String namespace) {
        return ServerSnapshot.fetch(client, namespace).ownedBy(uid);
    }

    /** Deletes every object of this deployment, in every namespace, dependents first; never another's. */
    public List<ObjectChange> destroy(String uid, Consumer<String> progress) {
        List<ObjectChange> deleted = new ArrayList<>();
        for (Resource<?, ?> object : list(uid, null).reversed()) {
            try {
                deleted.add(ObjectDeletion.delete(client, object));
            } catch (ApiException e) {
                throw new SpecApplyException("cannot delete " + object.describe() + ": " + e.getMessage(), e, deleted);
            }
            progress.accept(deleted.getLast().toString());
        }
        return deleted;
    }
}
