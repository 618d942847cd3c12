package io.fissile.controller.resources;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;
import io.fissile.api.WatchEvent;
import io.fissile.api.v1.Secret;

/**
 * Keeps secret values inside the server: every Secret the API answers with (lists, watches, writes,
 * deletes, and gets not asking for values) is shown redacted, with its keys and their sizes only.
 * Other kinds pass unchanged.
 */
final class SecretRedaction {
    private SecretRedaction() {
    }

    static <R extends Resource<?, ?>> R of(R resource) {
        if (resource instanceof Secret secret) {
            @SuppressWarnings("unchecked")
            R redacted = (R) secret.redacted();
            return redacted;
        }
        return resource;
    }

    static <R extends Resource<?, ?>> ResourceList<R> of(Kind<R> kind, ResourceList<R> list) {
        if (!kind.type().equals(Secret.class)) return list;
        return ResourceList.of(kind, list.items().stream().map(SecretRedaction::of).toList(), list.resourceVersion());
    }

    static <R extends Resource<?, ?>> WatchEvent<R> of(WatchEvent<R> event) {
        return event.object() instanceof Secret ? new WatchEvent<>(event.type(), of(event.object())) : event;
    }
}
