package io.fissile.spec.internal;

import io.fissile.api.Resource;
import io.fissile.client.ApiException;
import io.fissile.client.ControllerClient;
import io.fissile.spec.ObjectChange;

/** Deletes one object; one already gone counts as deleted, so that a repeated destroy or apply goes through. */
public final class ObjectDeletion {
    private ObjectDeletion() {
    }

    /** Deletes the object; throws the server's ApiException for anything but "not found". */
    public static ObjectChange delete(ControllerClient client, Resource<?, ?> object) {
        ObjectKey key = ObjectKey.of(object);
        try {
            client.delete(key.kind(), key.namespace(), key.name());
        } catch (ApiException e) {
            if (!e.isNotFound()) throw e;
        }
        return new ObjectChange(key.kind().name(), key.namespace(), key.name(), ObjectChange.Action.DELETED, null);
    }
}
