package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fissile.api.Kind;
import io.fissile.api.v1.Kinds;
import io.fissile.store.AlreadyExistsException;
import io.fissile.store.ConflictException;
import io.fissile.store.NotFoundException;
import io.fissile.store.StoreException;

/** Translates the API server's refusals into the store's exceptions, so callers answer 404, 409 or 410 alike. */
final class Failures {
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int GONE = 410;

    private Failures() {
    }

    /** A failed create: 409 there means the name is taken. */
    static StoreException ofCreate(String what, KubernetesClientException e) {
        if (e.getCode() == CONFLICT) return new AlreadyExistsException(what + " already exists");
        return of(what, e);
    }

    /** A failed update: 409 there means the object changed since it was read. */
    static StoreException ofUpdate(String what, KubernetesClientException e) {
        if (e.getCode() == CONFLICT) {
            return new ConflictException(what + " has changed since it was read; read it again and retry");
        }
        return of(what, e);
    }

    /**
     * A failed list or watch of a whole kind: 404 there means the API server does not serve the kind
     * at all, which for fission.io kinds means the CRDs are not installed.
     */
    static StoreException ofKind(Kind<?> kind, KubernetesClientException e) {
        if (e.getCode() == NOT_FOUND && ResourceDefinitions.hasStatus(kind)) {
            return new StoreException("this cluster does not serve " + kind.plural() + "." + Kinds.API_VERSION
                    + ": install Fissile's CRDs first (kubectl apply -f deploy/crds/)", e);
        }
        return of(kind.plural(), e);
    }

    static StoreException of(String what, KubernetesClientException e) {
        if (e.getCode() == NOT_FOUND) return new NotFoundException(what + " not found");
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        return new StoreException("the Kubernetes API refused " + what + " (HTTP " + e.getCode() + "): " + reason, e);
    }
}
